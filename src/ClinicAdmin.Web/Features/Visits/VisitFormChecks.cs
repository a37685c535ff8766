using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Route = ClinicAdmin.Domain.Visits.Route;

namespace ClinicAdmin.Web.Features.Visits;

/// <summary>The visit as checked: every value known good, times still in clinic local time.</summary>
public sealed record ParsedVisit(DateTime StartLocal, DateTime? DischargeLocal, DateOnly Day, StaffMember Provider, int LocationId, TreatmentCourse? Course,
    decimal? WeightKg, string PlaceOfService, IReadOnlyList<ChargeRequest> Lines)
{
    /// <summary>Copies the checked values onto the visit, times converted to UTC (charge lines are revised separately).</summary>
    public void ApplyTo(Visit v, VisitInput input, ClinicClock clock)
    {
        v.StartedAt = clock.ToUtc(StartLocal);
        v.DischargedAt = DischargeLocal is { } d ? clock.ToUtc(d) : null;
        v.RenderingProviderId = Provider.Id;
        v.LocationId = LocationId;
        v.TreatmentCourseId = Course?.Id;
        v.PlaceOfService = PlaceOfService;
        v.WeightKg = WeightKg;
        input.ApplyClinical(v);
    }
}

/// <summary>
/// The visit form's checks that need no other record: each problem as (form field, message), the messages the domain's
/// rules give. <see cref="EditModel"/> adds the checks against the roster, courses, locations and catalog.
/// </summary>
public static class VisitFormChecks
{
    /// <summary>Arrival and discharge in clinic time (seconds dropped), or null where missing or skipped by the clocks going forward.</summary>
    public static (DateTime? Start, DateTime? Discharge, List<(string Field, string Message)> Problems) Times(VisitInput input, ClinicClock clock)
    {
        var problems = new List<(string, string)>();
        var start = input.StartedAt is { } s ? new DateTime(s.Year, s.Month, s.Day, s.Hour, s.Minute, 0) : (DateTime?)null;
        DateTime? discharge = start is { } a && input.DischargeTime is { } t ? a.Date + t.ToTimeSpan() : null;
        // A wall-clock time skipped by the spring-forward change has no UTC instant: a field error, never a 500.
        if (start is { } skipped && !clock.Exists(skipped)) { problems.Add(("Input.StartedAt", ClinicClock.SkippedTimeMessage)); start = null; }
        if (discharge is { } gone && !clock.Exists(gone)) { problems.Add(("Input.DischargeTime", ClinicClock.SkippedTimeMessage)); discharge = null; }
        if (start is { } arrival)
            problems.AddRange(ClinicalLimits.TimingProblems(arrival, discharge, clock.NowLocal).Select(p => ("Input." + p.Field, p.Message)));
        return (start, discharge, problems);
    }

    /// <summary>Route, dose, weight, infusion length and the three sets of vital signs.</summary>
    public static IEnumerable<(string Field, string Message)> Clinical(VisitInput input)
    {
        if (!Enum.IsDefined(input.Route)) yield return ("Input.Route", "Choose the route.");
        if (ClinicalLimits.DoseProblem(input.DoseMg) is { } dose) yield return ("Input.DoseMg", dose);
        if (input.DoseMg is not null && input.Route == Route.None) yield return ("Input.Route", "Choose the route the dose was given by.");
        if (PatientRules.WeightProblem(input.WeightKg) is { } weight) yield return ("Input.WeightKg", weight);
        if (ClinicalLimits.InfusionMinutesProblem(input.InfusionMinutes) is { } minutes) yield return ("Input.InfusionMinutes", minutes);
        foreach (var (key, label, vitals) in input.VitalGroups())
            foreach (var (field, message) in ClinicalLimits.VitalsProblems(vitals.ToVitals()))
                yield return ($"Input.{key}.{field}", $"{message} ({label})");
    }

    /// <summary>
    /// The services ticked, each checked by the domain's charge rule on the visit's date (<see cref="DomainException.Field"/>
    /// "Units" goes next to the line's units, anything else next to the services).
    /// </summary>
    public static async Task<List<ChargeRequest>> LinesAsync(ClinicDbContext db, VisitInput input, IEnumerable<int> offered, DateOnly day, Action<string, string> addError)
    {
        var lines = new List<ChargeRequest>();
        var known = offered.ToList();
        var catalog = await db.Services.AsNoTracking().Include(x => x.Prices).Where(x => known.Contains(x.Id)).ToDictionaryAsync(x => x.Id);
        for (var i = 0; i < input.Lines.Count; i++)
        {
            var line = input.Lines[i];
            if (!line.Selected) continue;
            if (!catalog.TryGetValue(line.ServiceId, out var service)) { addError("Input.Lines", "A chosen service is no longer in the catalog; reload the form."); continue; }
            try
            {
                Visit.CheckCharge(service, day, line.Units);
                lines.Add(new ChargeRequest(service, line.Units, line.Detail));
            }
            catch (DomainException ex) { addError(ex.Field == "Units" ? $"Input.Lines[{i}].Units" : "Input.Lines", ex.Message); }
        }
        if (!input.Lines.Any(l => l.Selected)) addError("Input.Lines", "Choose at least one service delivered.");
        return lines;
    }
}
