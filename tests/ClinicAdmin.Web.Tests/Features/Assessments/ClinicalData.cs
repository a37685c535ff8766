using System.Security.Claims;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicAdmin.Web.Tests.Features.Assessments;

/// <summary>
/// Clinical test data on a fixed clinic day: 15 June 2026, noon in Chicago (CDT, UTC−5, the fixture's clinic zone).
/// Shared by the Assessments and Incidents page tests.
/// </summary>
internal static class ClinicalData
{
    public static readonly DateTimeOffset Noon = new(2026, 6, 15, 17, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 6, 15);
    public static readonly TimeSpan ChicagoOffset = TimeSpan.FromHours(-5);

    public static void FreezeClock(ClinicApp app) => app.Clock.Set(Noon);

    /// <summary>UTC instant of a Chicago wall-clock time (June: CDT).</summary>
    public static DateTime Local(int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(2026, month, day, hour, minute, 0, ChicagoOffset).UtcDateTime;

    public sealed record Setup(Patient Patient, StaffMember Provider, TreatmentCourse Course);

    public static async Task<Setup> PatientWithCourseAsync(ClinicApp app, string last = "Testpatient", string mrn = "MRN-000101", StaffMember? provider = null)
    {
        var patient = new Patient { Mrn = mrn, FirstName = "Ada", LastName = last, DateOfBirth = new DateOnly(1980, 2, 3), WeightKg = 70 };
        provider ??= new StaffMember
        {
            FirstName = "Nora", LastName = "Provider", Credentials = "MSN, PMHNP-BC", Title = "Nurse Practitioner",
            Npi = "1234567893", IsRenderingProvider = true, StartDate = new DateOnly(2024, 1, 1),
        };
        if (provider.Id == 0) await app.InsertAsync(patient, provider);
        else await app.InsertAsync(patient);
        var course = new TreatmentCourse { PatientId = patient.Id, Indication = Indication.TreatmentResistantDepression, StartDate = new DateOnly(2026, 6, 1), Status = CourseStatus.Active };
        await app.InsertAsync(course);
        return new Setup(patient, provider, course);
    }

    public static async Task<StaffMember> ProviderAsync(ClinicApp app, string first, string last)
    {
        var s = new StaffMember { FirstName = first, LastName = last, Credentials = "RN", Title = "Infusion Nurse", IsRenderingProvider = true, StartDate = new DateOnly(2024, 1, 1) };
        await app.InsertAsync(s);
        return s;
    }

    public static async Task<Visit> VisitAsync(ClinicApp app, Setup s, DateTime startedUtc, int? session = null, StaffMember? provider = null, Route route = Route.IV, decimal? doseMg = 35)
    {
        var v = new Visit
        {
            PatientId = s.Patient.Id, LocationId = app.MainLocationId, TreatmentCourseId = s.Course.Id, RenderingProviderId = (provider ?? s.Provider).Id, StartedAt = startedUtc,
            Route = route, DoseMg = doseMg, WeightKg = 70, SessionNumber = session,
        };
        await app.InsertAsync(v);
        return v;
    }

    public static async Task<Assessment> ScoreAsync(ClinicApp app, Setup s, Instrument instrument, DateTime takenUtc, int total, int? visitId = null)
    {
        var (n, max) = Scoring.Shape(instrument);
        var items = new int[n];
        // Fill items in order, so PHQ-9 item 9 stays 0 unless the total needs it.
        for (var k = 0; k < n && total > 0; k++) { items[k] = Math.Min(max, total); total -= items[k]; }
        var a = Assessment.Record(s.Patient.Id, s.Course.Id, visitId, instrument, takenUtc, items);
        await app.InsertAsync(a);
        return a;
    }

    public static async Task<Incident> IncidentAsync(ClinicApp app, Setup s, DateTime occurredUtc, int grade = 1, int? visitId = null,
        IncidentType type = IncidentType.NauseaVomiting, SeriousCriteria serious = SeriousCriteria.None, string? signedBy = null)
    {
        var i = new Incident
        {
            PatientId = s.Patient.Id, VisitId = visitId, Type = type, OccurredAt = occurredUtc, Description = "Nausea near the end of the infusion.",
            ReportedBy = "Jenna Okafor, RN", Route = Route.IV, DoseMg = 35, Outcome = IncidentOutcome.Ongoing,
            Vitals = new VitalSigns { Systolic = 130, Diastolic = 80, HeartRate = 88, SpO2 = 97 },
        };
        i.Classify(grade, serious);
        if (signedBy is not null) i.SignOff(signedBy, "Reviewed.", occurredUtc.AddHours(2));
        await app.InsertAsync(i);
        return i;
    }

    /// <summary>Invokes a view component as a signed-in user of <paramref name="role"/>, outside any page.</summary>
    public static async Task<IViewComponentResult> InvokeAsAsync<T>(ClinicApp app, string role, Func<T, Task<IViewComponentResult>> invoke) where T : ViewComponent
    {
        using var scope = app.Services.CreateScope();
        var component = ActivatorUtilities.CreateInstance<T>(scope.ServiceProvider);
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, role)], "Test"));
        component.ViewComponentContext = new ViewComponentContext { ViewContext = new ViewContext { HttpContext = new DefaultHttpContext { User = user, RequestServices = scope.ServiceProvider } } };
        return await invoke(component);
    }

    public static bool RendersNothing(IViewComponentResult result) =>
        result is ContentViewComponentResult { Content: "" };
}
