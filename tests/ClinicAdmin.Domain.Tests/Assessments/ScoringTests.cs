using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Tests.Assessments;

[Trait("Category", "Unit")]
public class ScoringTests
{
    private static int[] Items(params int[] items) => items;

    // ---- Totals ---------------------------------------------------------------------------

    public static TheoryData<Instrument, int[], int> ValidAnswers => new()
    {
        { Instrument.Phq9, Items(0, 0, 0, 0, 0, 0, 0, 0, 0), 0 },
        { Instrument.Phq9, Items(1, 2, 0, 3, 1, 1, 0, 2, 0), 10 },
        { Instrument.Phq9, Items(3, 3, 3, 3, 3, 3, 3, 3, 3), 27 },
        { Instrument.Gad7, Items(0, 0, 0, 0, 0, 0, 0), 0 },
        { Instrument.Gad7, Items(2, 1, 3, 0, 1, 2, 1), 10 },
        { Instrument.Gad7, Items(3, 3, 3, 3, 3, 3, 3), 21 },
        { Instrument.PainNrs, Items(0), 0 },
        { Instrument.PainNrs, Items(7), 7 },
        { Instrument.PainNrs, Items(10), 10 },
        { Instrument.Pcl5, Enumerable.Repeat(0, 20).ToArray(), 0 },
        { Instrument.Pcl5, Enumerable.Range(0, 20).Select(i => i % 5).ToArray(), 40 },
        { Instrument.Pcl5, Enumerable.Repeat(4, 20).ToArray(), 80 },
    };

    [Theory]
    [MemberData(nameof(ValidAnswers))]
    public void Total_is_the_sum_of_the_item_answers(Instrument instrument, int[] items, int expected)
    {
        Scoring.Total(instrument, items).ShouldBe(expected);
    }

    [Theory]
    [InlineData(Instrument.Phq9, 9, 3, 27)]
    [InlineData(Instrument.Gad7, 7, 3, 21)]
    [InlineData(Instrument.PainNrs, 1, 10, 10)]
    [InlineData(Instrument.Pcl5, 20, 4, 80)]
    public void Each_instrument_has_its_published_shape(Instrument instrument, int items, int maxItem, int maxTotal)
    {
        Scoring.Shape(instrument).ShouldBe((items, maxItem));
        Scoring.MaxTotal(instrument).ShouldBe(maxTotal);
    }

    [Fact]
    public void An_unknown_instrument_has_no_shape()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Scoring.Shape((Instrument)99));
    }

    // ---- Item range errors ----------------------------------------------------------------

    [Theory]
    [InlineData(Instrument.Phq9, 0, 4)]    // an answer of 4 on a 0–3 item
    [InlineData(Instrument.Phq9, 3, 4)]    // item 4 answered 4
    [InlineData(Instrument.Phq9, 8, 4)]
    [InlineData(Instrument.Phq9, 5, -1)]
    [InlineData(Instrument.Gad7, 6, 4)]
    [InlineData(Instrument.Gad7, 0, -1)]
    [InlineData(Instrument.PainNrs, 0, 11)]
    [InlineData(Instrument.PainNrs, 0, -1)]
    [InlineData(Instrument.Pcl5, 19, 5)]
    [InlineData(Instrument.Pcl5, 0, -1)]
    public void An_answer_outside_the_item_range_is_refused_and_names_the_item(Instrument instrument, int index, int answer)
    {
        var (n, _) = Scoring.Shape(instrument);
        var items = new int[n];
        items[index] = answer;

        var ex = Should.Throw<DomainException>(() => Scoring.Total(instrument, items));

        ex.Field.ShouldBe($"Items[{index}]");
        ex.Message.ShouldContain($"Item {index + 1} ");
    }

    [Fact]
    public void PHQ9_item_4_answered_4_is_refused()
    {
        var ex = Should.Throw<DomainException>(() => Scoring.Total(Instrument.Phq9, Items(1, 1, 1, 4, 1, 1, 1, 1, 1)));

        ex.Field.ShouldBe("Items[3]");
        ex.Message.ShouldBe("Item 4 must be between 0 and 3.");
    }

    [Fact]
    public void The_first_bad_item_is_the_one_reported()
    {
        var ex = Should.Throw<DomainException>(() => Scoring.Total(Instrument.Gad7, Items(0, 5, 0, 9, 0, 0, 0)));
        ex.Field.ShouldBe("Items[1]");
    }

    // ---- Item count errors ----------------------------------------------------------------

    [Theory]
    [InlineData(Instrument.Phq9, 8)]
    [InlineData(Instrument.Phq9, 10)]
    [InlineData(Instrument.Phq9, 0)]
    [InlineData(Instrument.Gad7, 6)]
    [InlineData(Instrument.Gad7, 9)]   // PHQ-9 answers given to GAD-7
    [InlineData(Instrument.PainNrs, 2)]
    [InlineData(Instrument.Pcl5, 19)]
    public void The_wrong_number_of_items_is_refused(Instrument instrument, int count)
    {
        var ex = Should.Throw<DomainException>(() => Scoring.Total(instrument, new int[count]));

        ex.Field.ShouldBe("Items");
        ex.Message.ShouldContain($"{count} were given");
        ex.Message.ShouldContain(Scoring.Name(instrument));
    }

    // ---- Bands at every boundary ----------------------------------------------------------

    [Theory]
    [InlineData(0, "Minimal")]
    [InlineData(4, "Minimal")]
    [InlineData(5, "Mild")]
    [InlineData(9, "Mild")]
    [InlineData(10, "Moderate")]
    [InlineData(14, "Moderate")]
    [InlineData(15, "Moderately severe")]
    [InlineData(19, "Moderately severe")]
    [InlineData(20, "Severe")]
    [InlineData(27, "Severe")]
    public void PHQ9_bands_follow_Kroenke_2001(int total, string band)
    {
        Scoring.Band(Instrument.Phq9, total).ShouldBe(band);
    }

    [Theory]
    [InlineData(0, "Minimal")]
    [InlineData(4, "Minimal")]
    [InlineData(5, "Mild")]
    [InlineData(9, "Mild")]
    [InlineData(10, "Moderate")]
    [InlineData(14, "Moderate")]
    [InlineData(15, "Severe")]
    [InlineData(21, "Severe")]
    public void GAD7_bands_follow_Spitzer_2006(int total, string band)
    {
        Scoring.Band(Instrument.Gad7, total).ShouldBe(band);
    }

    [Theory]
    [InlineData(0, "None")]
    [InlineData(1, "Mild")]
    [InlineData(3, "Mild")]
    [InlineData(4, "Moderate")]
    [InlineData(6, "Moderate")]
    [InlineData(7, "Severe")]
    [InlineData(10, "Severe")]
    public void Pain_NRS_bands(int total, string band)
    {
        Scoring.Band(Instrument.PainNrs, total).ShouldBe(band);
    }

    [Theory]
    [InlineData(0, "Below cut-point")]
    [InlineData(32, "Below cut-point")]
    [InlineData(33, "Probable PTSD")]
    [InlineData(80, "Probable PTSD")]
    public void PCL5_uses_the_provisional_PTSD_cut_point_of_33(int total, string band)
    {
        Scoring.Band(Instrument.Pcl5, total).ShouldBe(band);
    }

    [Theory]
    [InlineData(Instrument.Phq9, "PHQ-9")]
    [InlineData(Instrument.Gad7, "GAD-7")]
    [InlineData(Instrument.PainNrs, "Pain NRS")]
    [InlineData(Instrument.Pcl5, "PCL-5")]
    public void Instruments_have_their_usual_names(Instrument instrument, string name)
    {
        Scoring.Name(instrument).ShouldBe(name);
    }

    // ---- Assessment.Record ----------------------------------------------------------------

    [Fact]
    public void Recording_an_assessment_computes_the_total_and_band_and_keeps_the_items()
    {
        var at = new DateTime(2025, 6, 1, 15, 0, 0, DateTimeKind.Utc);
        int[] items = [1, 2, 0, 3, 1, 1, 0, 2, 0];

        var a = Assessment.Record(patientId: 3, courseId: 4, visitId: 5, Instrument.Phq9, at, items);

        a.TotalScore.ShouldBe(Scoring.Total(Instrument.Phq9, items));
        a.TotalScore.ShouldBe(10);
        a.Band.ShouldBe("Moderate");
        a.ItemScores.ShouldBe(items);
        a.Items.ShouldBe("1,2,0,3,1,1,0,2,0");
        a.PatientId.ShouldBe(3);
        a.TreatmentCourseId.ShouldBe(4);
        a.VisitId.ShouldBe(5);
        a.TakenAt.ShouldBe(at);
        a.Instrument.ShouldBe(Instrument.Phq9);
    }

    [Fact]
    public void Recording_invalid_answers_creates_no_assessment()
    {
        Should.Throw<DomainException>(() =>
            Assessment.Record(1, null, null, Instrument.Phq9, DateTime.UtcNow, [0, 0, 0, 4, 0, 0, 0, 0, 0]));
    }
}
