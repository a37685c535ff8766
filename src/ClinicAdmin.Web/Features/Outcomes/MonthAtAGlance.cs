using System.Globalization;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Outcomes;

/// <summary>The medical director's home page figures: this month so far, from the same figure code as the dashboard.</summary>
public sealed class MonthAtAGlance(OutcomeFigures figures) : IHomeFigures
{
    private static readonly CultureInfo Us = CultureInfo.GetCultureInfo("en-US");

    public string Policy => Policies.MedicalDirector;
    public string Heading => "This month so far";
    public WorkLink More => new("Open the outcomes dashboard", "/Outcomes/Dashboard", WorkLink.Query());

    public async Task<IReadOnlyList<HomeFigure>> GetAsync(ClinicClock clock, CancellationToken ct)
    {
        var m = await figures.SummaryAsync(await figures.MonthAsync(clock.Today.Year, clock.Today.Month, ct), ct: ct);
        return
        [
            new("sessions", m.Sessions.ToString(Us), "sessions"),
            new("patients", m.PatientsTreated.ToString(Us), "patients treated"),
            new("response", m.Response.Rate is { } r ? r.ToString("P0", Us) : "—", $"PHQ-9 response ({m.Response.Count} of {m.Response.Total})"),
            new("incidents", m.Incidents.ToString(Us), $"incidents ({m.SeriousIncidents} serious)"),
        ];
    }
}
