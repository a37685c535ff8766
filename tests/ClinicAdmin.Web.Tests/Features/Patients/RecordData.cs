using AngleSharp.Html.Dom;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace ClinicAdmin.Web.Tests.Features.Patients;

/// <summary>
/// Clinical record test data on a fixed clinic day: Monday 15 June 2026, noon in Chicago (17:00 UTC, daylight time).
/// The provider works Monday–Friday 08:00–17:00.
/// </summary>
internal static class RecordData
{
    public static readonly DateTimeOffset Noon = new(2026, 6, 15, 17, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 6, 15);
    public static readonly DateOnly OpeningDate = new(2025, 1, 1);

    public static void FreezeClock(ClinicApp app) => app.Clock.Set(Noon);

    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    /// <summary>Chicago wall-clock time on a date, as UTC.</summary>
    public static DateTime Utc(DateOnly day, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), Chicago);

    public static StaffMember Provider(string first = "Nora", string last = "Provider", string npi = "1234567893", bool rendering = true)
    {
        var s = new StaffMember
        {
            FirstName = first, LastName = last, Credentials = "MSN, PMHNP-BC", Title = "Psychiatric Nurse Practitioner",
            Npi = npi, IsRenderingProvider = rendering, StartDate = new DateOnly(2024, 1, 1),
        };
        foreach (var d in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
            s.Availability.Add(new WeeklyAvailability { Day = d, Start = new TimeOnly(8, 0), End = new TimeOnly(17, 0) });
        return s;
    }

    public static Patient Patient(string first = "Ada", string last = "Testpatient", string mrn = "MRN-100001", decimal? weight = 80m) => new()
    {
        Mrn = mrn, FirstName = first, LastName = last, DateOfBirth = new DateOnly(1980, 2, 3), WeightKg = weight, Phone = "(555) 010-1234",
        InsurancePayer = "Aetna", InsuranceMemberId = "W123456789",
        Address = new() { Line1 = "12 Elm Street", City = "Springfield", State = "IL", PostalCode = "62701" },
        Diagnoses = [new PatientDiagnosis { Code = "F33.2", Description = "Major depressive disorder, recurrent, severe without psychotic features", IsPrimary = true },
                     new PatientDiagnosis { Code = "F41.1", Description = "Generalized anxiety disorder" }],
    };

    public static Service Item(string name, ServiceCategory category, string code, decimal price, string? modifiers = null)
    {
        var s = new Service { Name = name, Category = category, BillingCode = code, Modifiers = modifiers };
        s.AddHistoricalPrice(price, OpeningDate, "seed", "Opening price list", Noon.UtcDateTime.AddMonths(-18));
        return s;
    }

    public static Service Infusion(decimal price = 399m) => Item("IV ketamine infusion (mood disorders)", ServiceCategory.Infusion, "96365", price);
    public static Service Magnesium() => Item("Magnesium infusion", ServiceCategory.AddOnTherapy, "J3475", 50m);
    public static Service Ondansetron() => Item("Ondansetron (Zofran) 4 mg", ServiceCategory.PreMedication, "J2405", 25m);

    /// <summary>A patient with an active course (6 planned), a provider and a small catalog.</summary>
    public sealed record Clinic(Patient Patient, StaffMember Provider, TreatmentCourse Course, Service Infusion, Service Magnesium, Service Ondansetron);

    public static async Task<Clinic> SeedAsync(ClinicApp app, int plannedSessions = 6, Patient? patient = null)
    {
        FreezeClock(app);
        patient ??= Patient();
        var provider = Provider();
        var (infusion, magnesium, ondansetron) = (Infusion(), Magnesium(), Ondansetron());
        await app.InsertAsync(patient, provider, infusion, magnesium, ondansetron);
        var course = new TreatmentCourse { PatientId = patient.Id, Indication = Indication.TreatmentResistantDepression, PlannedSessions = plannedSessions, StartDate = Today.AddDays(-20), Status = CourseStatus.Active };
        course.Diagnoses.Add(new CourseDiagnosis { Position = 0, Code = "F33.2", Description = "Major depressive disorder, recurrent, severe" });
        await app.InsertAsync(course);
        return new Clinic(patient, provider, course, infusion, magnesium, ondansetron);
    }

    /// <summary>A past visit of the course, priced by the domain.</summary>
    public static async Task<Visit> AddVisitAsync(ClinicApp app, Clinic c, DateOnly day, int hour = 10, decimal? doseMg = 40m, decimal? weightKg = 80m,
        string? notes = "Tolerated well.", int? session = null, bool addOn = false)
    {
        var visit = new Visit
        {
            PatientId = c.Patient.Id, LocationId = app.MainLocationId, TreatmentCourseId = c.Course.Id, RenderingProviderId = c.Provider.Id, Route = Route.IV,
            StartedAt = Utc(day, hour), DischargedAt = Utc(day, hour + 2), DoseMg = doseMg, WeightKg = weightKg, InfusionMinutes = 40,
            SessionNumber = session, Notes = notes,
            VitalsBefore = new VitalSigns { Systolic = 122, Diastolic = 78, HeartRate = 72, SpO2 = 98 },
        };
        var infusion = await app.InDbAsync(db => db.Services.Include(s => s.Prices).SingleAsync(s => s.Id == c.Infusion.Id));
        visit.Charge(infusion, day);
        if (addOn)
        {
            var mg = await app.InDbAsync(db => db.Services.Include(s => s.Prices).SingleAsync(s => s.Id == c.Magnesium.Id));
            visit.Charge(mg, day).Detail = "magnesium sulfate 1 g IV";
        }
        await app.InsertAsync(visit);
        return visit;
    }

    /// <summary>The form field prefix of a service's row on the visit form, e.g. "Input.Lines[2]".</summary>
    public static string LineOf(IHtmlDocument doc, int serviceId)
    {
        var hidden = doc.QuerySelectorAll("input[name$='.ServiceId']").FirstOrDefault(i => i.GetAttribute("value") == serviceId.ToString());
        hidden.ShouldNotBeNull($"service {serviceId} is not on the visit form");
        return hidden!.GetAttribute("name")![..^".ServiceId".Length];
    }

    /// <summary>A complete, valid visit this morning (it is noon): infusion, 40 mg IV at 80 kg, vitals, arrival 10:00, discharge 11:30.</summary>
    public static Dictionary<string, string?> ValidVisit(IHtmlDocument doc, Clinic c, Dictionary<string, string?>? overrides = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Input.StartedAt"] = "2026-06-15T10:00", ["Input.RenderingProviderId"] = c.Provider.Id.ToString(),
            ["Input.TreatmentCourseId"] = c.Course.Id.ToString(), ["Input.PlaceOfService"] = "11", ["Input.Route"] = "IV",
            ["Input.DoseMg"] = "40", ["Input.WeightKg"] = "80", ["Input.InfusionMinutes"] = "40", ["Input.DischargeTime"] = "11:30",
            ["Input.Before.Systolic"] = "124", ["Input.Before.Diastolic"] = "80", ["Input.Before.HeartRate"] = "72", ["Input.Before.SpO2"] = "98",
            ["Input.At40.Systolic"] = "138", ["Input.At40.Diastolic"] = "86", ["Input.At40.HeartRate"] = "80", ["Input.At40.SpO2"] = "97",
            ["Input.Discharge.Systolic"] = "126", ["Input.Discharge.Diastolic"] = "80", ["Input.Discharge.HeartRate"] = "70", ["Input.Discharge.SpO2"] = "98",
            ["Input.Notes"] = "Calm throughout; mild dissociation at 20 min.",
            [LineOf(doc, c.Infusion.Id) + ".Selected"] = "true",
        };
        foreach (var (k, v) in overrides ?? []) values[k] = v;
        return values;
    }
}
