using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Assessments;

namespace ClinicAdmin.Web.Features.Assessments;

/// <summary>
/// What the form shows for each instrument: short item labels in our own words (not the published questionnaire
/// text) and the answer scale. Totals and bands always come from <see cref="Scoring"/>.
/// </summary>
public static class Instruments
{
    public static readonly Instrument[] All = [Instrument.Phq9, Instrument.Gad7, Instrument.PainNrs, Instrument.Pcl5];

    public static string Period(Instrument i) => i switch
    {
        Instrument.Phq9 or Instrument.Gad7 => "Over the last two weeks, how often has the patient been bothered by:",
        Instrument.Pcl5 => "In the past month, how much has the patient been bothered by:",
        _ => "Average pain now, from 0 (no pain) to 10 (worst imaginable):",
    };

    public static IReadOnlyList<string> Items(Instrument i) => i switch
    {
        Instrument.Phq9 =>
        [
            "Little interest or enjoyment in activities", "Low mood, hopelessness", "Sleep too little or too much",
            "Tiredness, low energy", "Appetite too low or too high", "Feeling like a failure, guilt",
            "Trouble concentrating", "Slowed down, or restless and fidgety", "Thoughts of death or self-harm",
        ],
        Instrument.Gad7 =>
        [
            "Nervous, anxious or on edge", "Unable to stop or control worry", "Worrying about many things",
            "Hard to relax", "So restless it is hard to sit still", "Easily annoyed or irritable", "Fear that something awful may happen",
        ],
        Instrument.Pcl5 =>
        [
            "Unwanted memories of the event", "Distressing dreams about it", "Flashbacks, as if it were happening again",
            "Upset when reminded of it", "Physical reactions to reminders", "Avoiding memories, thoughts or feelings about it",
            "Avoiding people, places or situations that remind", "Gaps in memory of the event", "Strongly negative beliefs about self, others or the world",
            "Blaming self or others for it", "Strong fear, anger, guilt or shame", "Lost interest in activities once enjoyed",
            "Feeling distant or cut off from others", "Hard to feel positive emotions", "Irritability or angry outbursts",
            "Risky or self-destructive behaviour", "Being on guard, over-alert", "Jumpy or easily startled",
            "Difficulty concentrating", "Trouble falling or staying asleep",
        ],
        _ => ["Pain intensity"],
    };

    public static IReadOnlyList<string> Answers(Instrument i) => i switch
    {
        Instrument.Phq9 or Instrument.Gad7 => ["Not at all", "Several days", "More than half the days", "Nearly every day"],
        Instrument.Pcl5 => ["Not at all", "A little", "Moderately", "Quite a bit", "Extremely"],
        _ => Enumerable.Range(0, 11).Select(n => n.ToString()).ToArray(),
    };

    /// <summary>The band of every possible total, in order (index = total), for the browser's live display.</summary>
    public static string BandsByTotal(Instrument i) =>
        System.Text.Json.JsonSerializer.Serialize(Enumerable.Range(0, Scoring.MaxTotal(i) + 1).Select(t => Scoring.Band(i, t)));

    /// <summary>Contiguous total ranges that share a band, e.g. PHQ-9: 0–4 Minimal, 5–9 Mild, …</summary>
    public static IReadOnlyList<(int From, int To, string Band)> BandRanges(Instrument i)
    {
        var ranges = new List<(int From, int To, string Band)>();
        for (var t = 0; t <= Scoring.MaxTotal(i); t++)
        {
            var band = Scoring.Band(i, t);
            if (ranges.Count > 0 && ranges[^1].Band == band) ranges[^1] = (ranges[^1].From, t, band);
            else ranges.Add((t, t, band));
        }
        return ranges;
    }

    /// <summary>A CSS class per band position (0 = least severe) so charts and badges share colours.</summary>
    public static string BandClass(Instrument i, int total)
    {
        var ranges = BandRanges(i);
        var index = ranges.ToList().FindIndex(r => total >= r.From && total <= r.To);
        var severity = ranges.Count <= 1 ? 0 : (int)Math.Round(index * 4.0 / (ranges.Count - 1));
        return $"score-band-{Math.Clamp(severity, 0, 4)}";
    }


    public static Instrument? Parse(string? value) =>
        Enum.TryParse<Instrument>(value, ignoreCase: true, out var i) && Enum.IsDefined(i) ? i : null;
}
