namespace ClinicAdmin.Domain.Assessments;

/// <summary>
/// Change from baseline for one course and instrument. The one definition used by pages,
/// dashboard and workbook: baseline = the last score on or before the first treatment;
/// response = PHQ-9 reduced by at least 50%; remission = PHQ-9 below 5 (NCQA / CBE 1885).
/// </summary>
public sealed record CourseOutcome(int? Baseline, int? Latest, decimal? PercentChange, bool Responder, bool Remitter)
{
    public const string ResponseDefinition = "Response: PHQ-9 reduced by at least 50% from baseline (baseline = last score on or before the first treatment of the course).";
    public const string RemissionDefinition = "Remission: latest PHQ-9 below 5, in a course with a baseline PHQ-9 of 5 or more.";

    /// <summary>PHQ-9 below this is remission; a baseline must be at least this for a course to be able to remit.</summary>
    public const int RemissionBelow = 5;

    public bool HasBaseline => Baseline is not null;

    /// <summary>Counted in the response rate's N: a baseline above 0 (one that can halve) and a later score.</summary>
    public bool InResponseDenominator => Baseline > 0 && Latest is not null;

    /// <summary>Counted in the remission rate's N: a baseline of <see cref="RemissionBelow"/> or more and a later score.</summary>
    public bool InRemissionDenominator => Baseline >= RemissionBelow && Latest is not null;

    /// <param name="scores">The course's scores for one instrument, any order.</param>
    /// <param name="firstTreatmentAt">Start of the course's first treatment (UTC); null if none yet.</param>
    public static CourseOutcome Compute(IEnumerable<(DateTime TakenAt, int Total)> scores, DateTime? firstTreatmentAt)
    {
        var ordered = scores.OrderBy(s => s.TakenAt).ToList();
        if (firstTreatmentAt is null || ordered.Count == 0) return new(null, null, null, false, false);
        var baseline = ordered.LastOrDefault(s => s.TakenAt <= firstTreatmentAt.Value);
        if (baseline == default) return new(null, ordered[^1].Total, null, false, false);
        var after = ordered.Where(s => s.TakenAt > baseline.TakenAt).ToList();
        if (after.Count == 0) return new(baseline.Total, null, null, false, false);
        var latest = after[^1].Total;
        // A baseline of 0 cannot halve: no percentage, and neither responder nor remitter (nothing to remit).
        if (baseline.Total == 0) return new(0, latest, null, false, false);
        var pct = Math.Round((latest - baseline.Total) * 100m / baseline.Total, 1);
        var responder = latest * 2 <= baseline.Total;
        var remitter = baseline.Total >= RemissionBelow && latest < RemissionBelow;
        return new(baseline.Total, latest, pct, responder, remitter);
    }
}
