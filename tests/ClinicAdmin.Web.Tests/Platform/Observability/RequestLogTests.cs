using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.Platform.Observability;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Shouldly;
using Xunit;
using static ClinicAdmin.Web.Tests.Features.Patients.RecordData;

namespace ClinicAdmin.Web.Tests.Platform.Observability;

/// <summary>One structured event per request, naming the page by its route template and the user by id only.</summary>
[Collection(SqliteObservabilityCollection.Name), Trait("Database", "Sqlite")]
public sealed class RequestLogTests(SqliteObservabilityApp app) : PageTest(app)
{
    private LogRecords Logs => ((ObservabilityApp)App).Logs;

    private List<LogRecord> RequestEvents() => Logs.All.Where(r => r.Category == typeof(RequestLog).FullName).ToList();

    [Fact]
    public async Task A_patient_search_logs_one_event_with_route_template_status_duration_and_user_id_but_not_the_search()
    {
        var patient = Patient(first: "Philippa", last: "Quetzalcoatl");
        await App.InsertAsync(patient);
        var client = await App.SignInAsync(Roles.Clinician);
        Logs.Clear();

        var response = await client.GetAsync("/Patients?q=Quetzalcoatl");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Quetzalcoatl"); // the search did find her

        var events = RequestEvents();
        var e = events.ShouldHaveSingleItem();
        e.Level.ShouldBe(LogLevel.Information);
        e.State["Method"].ShouldBe("GET");
        e.State["Route"].ShouldBe("/Patients");
        e.State["StatusCode"].ShouldBe(200);
        e.State["DurationMs"].ShouldBeOfType<double>().ShouldBeGreaterThanOrEqualTo(0);
        e.State["UserId"].ShouldBe(App.UserIdOf(Roles.Clinician));
        // Nothing logged during the request holds the query string or the name searched for, or the user's e-mail.
        foreach (var r in Logs.All)
        {
            r.AllText.ShouldNotContain("Quetzalcoatl", customMessage: r.AllText);
            r.AllText.ShouldNotContain("q=", customMessage: r.AllText);
            r.AllText.ShouldNotContain(ClinicApp.EmailOf[Roles.Clinician], customMessage: r.AllText);
        }
    }

    [Fact]
    public async Task A_patient_link_is_logged_by_its_route_without_the_token_and_an_unknown_address_without_its_path()
    {
        var client = App.Anonymous();
        Logs.Clear();
        var response = await client.GetAsync("/PatientLink?t=secret-token-123");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var e = RequestEvents().ShouldHaveSingleItem();
        e.State["Route"].ShouldBe("/PatientLink");
        e.State["StatusCode"].ShouldBe(302);
        e.State["UserId"].ShouldBe("");

        // A path no page answers could be anything a person typed: the event says so without repeating it.
        Logs.Clear();
        var signedIn = await App.SignInAsync(Roles.FrontDesk);
        Logs.Clear();
        (await signedIn.GetAsync("/Patients/Ada-Lovelace-1815-12-10")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var missing = RequestEvents().ShouldHaveSingleItem();
        missing.State["Route"].ShouldBe("(no route)");
        missing.State["StatusCode"].ShouldBe(404);
        missing.State["UserId"].ShouldBe(App.UserIdOf(Roles.FrontDesk));
        Logs.All.ShouldAllBe(r => !r.AllText.Contains("secret-token-123") && !r.AllText.Contains("Lovelace"));
    }

    [Fact]
    public async Task ASP_NET_writes_no_per_request_information_lines_of_its_own()
    {
        var client = await App.SignInAsync(Roles.FrontDesk);
        Logs.Clear();
        (await client.GetAsync("/Patients")).StatusCode.ShouldBe(HttpStatusCode.OK);
        RequestEvents().Count.ShouldBe(1);
        Logs.All.Where(r => r.Category.StartsWith("Microsoft.AspNetCore") && r.Level < LogLevel.Warning).ShouldBeEmpty();
    }
}
