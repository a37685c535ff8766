using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Domain.Visits;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Features.Visits;

/// <summary>
/// The non-blocking warnings of a visit as typed (vital signs beyond the clinic's limits, spacing, session count, dose step,
/// provider schedule): shown by "Check" and again after saving. The rules are the domain's; this class reads the clinic's
/// limits and the course's other visits they need.
/// </summary>
public sealed class VisitWarnings(ClinicDbContext db, ClinicalOptions options)
{
    public async Task<List<string>> ForAsync(ClinicClock clock, ParsedVisit parsed, VisitInput input, int? visitId)
    {
        var (startLocal, provider, course, doseMg, weightKg) = (parsed.StartLocal, parsed.Provider, parsed.Course, input.DoseMg, parsed.WeightKg);
        var limits = await LimitsAsync(db);
        var warnings = limits.Warnings(input.Before.ToVitals(), input.At40.ToVitals(), input.Discharge.ToVitals()).ToList();
        var startUtc = clock.ToUtc(startLocal);
        if (course is not null)
        {
            var earlier = await db.Visits.AsNoTracking()
                .Where(v => v.TreatmentCourseId == course.Id && v.Id != (visitId ?? 0) && v.StartedAt < startUtc)
                .OrderByDescending(v => v.StartedAt).Select(v => new { v.StartedAt, v.DoseMg, v.WeightKg }).ToListAsync();
            if (SeriesRules.SpacingWarning(earlier.Count > 0 ? clock.DateOf(earlier[0].StartedAt) : null, DateOnly.FromDateTime(startLocal)) is { } spacing)
                warnings.Add(spacing);
            var number = SessionNumbering.NumberAt(startUtc, await OtherCourseStartsAsync(db, course.Id, visitId));
            if (SeriesRules.SessionCountWarning(number, course.PlannedSessions) is { } count) warnings.Add(count);
            var previous = earlier.FirstOrDefault(v => Dosing.MgPerKg(v.DoseMg, v.WeightKg) is not null);
            if (SeriesRules.DoseStepWarning(previous is null ? null : Dosing.MgPerKg(previous.DoseMg, previous.WeightKg), Dosing.MgPerKg(doseMg, weightKg),
                    options.MaxDoseStepMgPerKg) is { } step) warnings.Add(step);
        }
        if (ProviderSchedule.AvailabilityWarning(provider, startLocal) is { } schedule) warnings.Add(schedule);
        return warnings;
    }

    /// <summary>The clinic's vital-sign limits (the defaults if the settings row is missing).</summary>
    public static async Task<VitalLimits> LimitsAsync(ClinicDbContext db) =>
        await db.ClinicSettings.AsNoTracking().Select(s => s.VitalLimits).FirstOrDefaultAsync() ?? new VitalLimits();

    /// <summary>
    /// The vital-sign warnings of the values typed so far, read from the form's own field names (Input.At40.Systolic…):
    /// visits.js asks as the nurse types, so 168/104 at 40 min is flagged before anyone presses Check or Save.
    /// </summary>
    public static async Task<List<string>> VitalsAsync(ClinicDbContext db, IQueryCollection query)
    {
        int? Read(string name) => int.TryParse(query[name], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        VitalSigns At(string moment) => new()
        {
            Systolic = Read($"Input.{moment}.Systolic"), Diastolic = Read($"Input.{moment}.Diastolic"),
            HeartRate = Read($"Input.{moment}.HeartRate"), SpO2 = Read($"Input.{moment}.SpO2"),
        };
        return (await LimitsAsync(db)).Warnings(At("Before"), At("At40"), At("Discharge")).ToList();
    }

    /// <summary>Arrivals of the course's visits other than <paramref name="exceptVisit"/>, for the session number.</summary>
    public static Task<List<DateTime>> OtherCourseStartsAsync(ClinicDbContext db, int courseId, int? exceptVisit) =>
        db.Visits.Where(v => v.TreatmentCourseId == courseId && v.Id != (exceptVisit ?? 0)).Select(v => v.StartedAt).ToListAsync();
}
