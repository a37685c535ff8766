using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Assessments;

public enum Instrument { Phq9, Gad7, PainNrs, Pcl5 }

/// <summary>An outcome measure filled in item by item. The total is computed, never typed.</summary>
public class Assessment : EditableEntity
{
    private Assessment() { }

    public int PatientId { get; private set; }
    public int? TreatmentCourseId { get; private set; }
    public int? VisitId { get; private set; }
    public Instrument Instrument { get; private set; }
    public DateTime TakenAt { get; private set; }
    public int TotalScore { get; private set; }
    /// <summary>Item answers in order, e.g. "1,2,0,3,1,1,0,2,0" (kept as a row-local value: items are never queried alone).</summary>
    public string Items { get; private set; } = "";

    public IReadOnlyList<int> ItemScores => Items.Length == 0 ? [] : Items.Split(',').Select(int.Parse).ToArray();
    public string Band => Scoring.Band(Instrument, TotalScore);

    /// <summary>A score describes a moment that has happened: refused in the future (a minute's grace for clock skew).</summary>
    public static DomainException? TakenAtProblem(DateTime takenAtUtc, DateTime nowUtc) =>
        PastTimes.IsFuture(takenAtUtc, nowUtc) ? new DomainException("TakenAt", "The time taken cannot be in the future.") : null;

    public static Assessment Record(int patientId, int? courseId, int? visitId, Instrument instrument, DateTime takenAtUtc, IReadOnlyList<int> items)
    {
        var total = Scoring.Total(instrument, items);
        return new Assessment
        {
            PatientId = patientId, TreatmentCourseId = courseId, VisitId = visitId, Instrument = instrument,
            TakenAt = takenAtUtc, Items = string.Join(',', items), TotalScore = total,
        };
    }
}

/// <summary>Scoring and severity bands (PHQ-9: Kroenke 2001; GAD-7: Spitzer 2006; PCL-5; pain NRS).</summary>
public static class Scoring
{
    public static (int Items, int MaxItem) Shape(Instrument i) => i switch
    {
        Instrument.Phq9 => (9, 3),
        Instrument.Gad7 => (7, 3),
        Instrument.PainNrs => (1, 10),
        Instrument.Pcl5 => (20, 4),
        _ => throw new ArgumentOutOfRangeException(nameof(i)),
    };

    public static int MaxTotal(Instrument i) { var (n, m) = Shape(i); return n * m; }

    public static int Total(Instrument instrument, IReadOnlyList<int> items)
    {
        var (n, max) = Shape(instrument);
        if (items.Count != n) throw new DomainException("Items", $"{Name(instrument)} has {n} items; {items.Count} were given.");
        for (var k = 0; k < items.Count; k++)
            if (items[k] < 0 || items[k] > max)
                throw new DomainException($"Items[{k}]", $"Item {k + 1} must be between 0 and {max}.");
        return items.Sum();
    }

    public static string Band(Instrument instrument, int total) => instrument switch
    {
        Instrument.Phq9 => total switch { <= 4 => "Minimal", <= 9 => "Mild", <= 14 => "Moderate", <= 19 => "Moderately severe", _ => "Severe" },
        Instrument.Gad7 => total switch { <= 4 => "Minimal", <= 9 => "Mild", <= 14 => "Moderate", _ => "Severe" },
        Instrument.PainNrs => total switch { 0 => "None", <= 3 => "Mild", <= 6 => "Moderate", _ => "Severe" },
        // PCL-5: 31–33 is the usual provisional-PTSD cut-point.
        Instrument.Pcl5 => total >= 33 ? "Probable PTSD" : "Below cut-point",
        _ => "",
    };

    /// <summary>
    /// PHQ-9 item 9 (thoughts of being better off dead or of self-harm) answered above 0: the clinician must follow the
    /// clinic's suicide-risk protocol whatever the total.
    /// </summary>
    public static bool NeedsSafetyFollowUp(Instrument instrument, IReadOnlyList<int> items) =>
        instrument == Instrument.Phq9 && items.Count == 9 && items[8] > 0;

    /// <summary>The instrument's name, from the vocabulary.</summary>
    public static string Name(Instrument i) => Vocabulary.Label(i);
}
