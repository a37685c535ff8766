using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Web.PageKit;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Features.Visits;

/// <summary>
/// A visit's values as the form shows them: kept in the form when it opens, compared with the row at save time, so a
/// conflict names exactly the fields another user changed.
/// </summary>
public static class VisitSnapshot
{
    public static async Task<Dictionary<string, string?>> OfAsync(ClinicDbContext db, Visit v, ClinicClock clock)
    {
        var provider = await db.Staff.Where(s => s.Id == v.RenderingProviderId).Select(s => s.FirstName + " " + s.LastName).FirstOrDefaultAsync();
        var location = await db.Locations.Where(l => l.Id == v.LocationId).Select(l => l.Name).FirstOrDefaultAsync();
        return Of(v, clock, provider, location);
    }

    private static Dictionary<string, string?> Of(Visit v, ClinicClock clock, string? provider, string? location) => new()
    {
        ["LocationId"] = location,
        ["StartedAt"] = RecordText.DateTime(clock.ToLocal(v.StartedAt)),
        ["DischargeTime"] = v.DischargedAt is { } d ? RecordText.Time(clock.ToLocal(d)) : null,
        ["RenderingProviderId"] = provider, ["TreatmentCourseId"] = v.TreatmentCourseId?.ToString(), ["PlaceOfService"] = v.PlaceOfService,
        ["Route"] = v.Route.ToString(), ["DoseMg"] = RecordText.Number(v.DoseMg), ["WeightKg"] = RecordText.Number(v.WeightKg, "0.0"),
        ["InfusionMinutes"] = v.InfusionMinutes?.ToString(),
        ["Before"] = Vitals(v.VitalsBefore), ["At40"] = Vitals(v.VitalsAt40Min), ["Discharge"] = Vitals(v.VitalsAtDischarge),
        ["Notes"] = v.Notes,
        ["Lines"] = string.Join(", ", v.ChargeLines.OrderBy(l => l.ServiceId).Select(l => $"{l.Description} ×{l.Units:0.##}{(l.Detail is null ? "" : " (" + l.Detail + ")")}")),
    };

    private static string Vitals(VitalSigns s) => $"{s.Systolic}/{s.Diastolic} HR {s.HeartRate} SpO2 {s.SpO2}";

    private static readonly Dictionary<string, string> Labels = new()
    {
        ["LocationId"] = "Location", ["StartedAt"] = "Arrival", ["DischargeTime"] = "Discharge time", ["RenderingProviderId"] = "Provider", ["TreatmentCourseId"] = "Course",
        ["PlaceOfService"] = "Place of service", ["Route"] = "Route", ["DoseMg"] = "Dose (mg)", ["WeightKg"] = "Weight (kg)", ["InfusionMinutes"] = "Infusion minutes",
        ["Before"] = "Vitals before", ["At40"] = "Vitals at 40 min", ["Discharge"] = "Vitals at discharge", ["Notes"] = "Notes", ["Lines"] = "Services",
    };

    /// <summary>The form's label of a snapshot field.</summary>
    public static string Label(string field) => Labels.GetValueOrDefault(field, field);

    /// <summary>Fields that are one input of the form (vitals and services are groups: the message names them, no field error).</summary>
    public static bool HasInput(string field) => field is not ("Before" or "At40" or "Discharge" or "Lines");
}
