using System.Net;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Web.Features.Superbills;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ClinicAdmin.Web.Tests.Features.Patients.RecordData;

namespace ClinicAdmin.Web.Tests.Security;

/// <summary>
/// Attacks on the patient link (issue 13, findings 1 and 12): parallel wrong dates of birth must never get more than
/// the allowed tries, and the token must leave the address bar on first use.
/// </summary>
public abstract class PatientLinkAttackTests(ClinicApp app) : PageTest(app)
{
    private async Task<(GeneratedDocument Doc, string Token)> LinkAsync()
    {
        FreezeClock(App);
        var patient = Patient();
        await App.InsertAsync(patient);
        var doc = new GeneratedDocument
        {
            Kind = DocumentKind.Superbill, RequestKey = "attack-test", DocumentNumber = "SB-2026-000001", FileName = "superbill.pdf",
            ContentType = "application/pdf", Content = "%PDF-1.4 attack test"u8.ToArray(), Sha256 = "x", PatientId = patient.Id,
            CreatedBy = "test", CreatedAt = Noon.UtcDateTime,
        };
        await App.InsertAsync(doc);
        using var scope = App.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<PatientLinks>().CreateAsync(doc.Id, "test");
        return (doc, created.Token);
    }

    /// <summary>Opens the link as the e-mail does, following the app's redirect (if any) like a browser.</summary>
    private static async Task<(string Url, AngleSharp.Html.Dom.IHtmlDocument Page)> OpenAsync(ClinicClient client, string token)
    {
        var url = $"/PatientLink?t={Uri.EscapeDataString(token)}";
        var first = await client.GetAsync(url);
        if (first.StatusCode == HttpStatusCode.Redirect) url = first.Headers.Location!.ToString();
        return (url, await client.GetDocumentAsync(url));
    }

    [Fact]
    public async Task Fifty_parallel_wrong_dates_of_birth_get_five_tries_in_all_and_lock_the_link()
    {
        var (_, token) = await LinkAsync();
        var patient = App.Anonymous();
        var (url, page) = await OpenAsync(patient, token);
        var form = ClinicClient.FindForm(page, null);
        var fields = ClinicClient.FieldsOf(form).Where(f => f.Key != "Input.DateOfBirth").Append(new("Input.DateOfBirth", "1981-02-03")).ToList();
        var target = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;

        using var start = new SemaphoreSlim(0);
        var posts = Enumerable.Range(0, 50).Select(async _ =>
        {
            await start.WaitAsync();
            var response = await patient.Http.PostAsync(target, new FormUrlEncodedContent(fields));
            return (response.StatusCode, Page: await ClinicClient.ReadAsync(response));
        }).ToList();
        start.Release(50);
        var results = await Task.WhenAll(posts);

        results.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        // Each compared guess but the last says how many tries are left; the fifth locks; the rest see the neutral page.
        results.Count(r => r.Page.QuerySelector("#link-message") != null).ShouldBe(PatientLink.MaxFailedAttempts - 1);
        results.Count(r => r.Page.QuerySelector("#link-invalid") != null).ShouldBe(50 - (PatientLink.MaxFailedAttempts - 1));
        var link = await App.InDbAsync(db => db.PatientLinks.AsNoTracking().SingleAsync());
        link.FailedAttempts.ShouldBe(PatientLink.MaxFailedAttempts);
        link.LockedAt.ShouldNotBeNull();

        // Locked for good: the right date of birth no longer serves the PDF.
        var right = await patient.Http.PostAsync(target, new FormUrlEncodedContent(
            fields.Where(f => f.Key != "Input.DateOfBirth").Append(new("Input.DateOfBirth", "1980-02-03"))));
        right.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await ClinicClient.ReadAsync(right)).QuerySelector("#link-invalid").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_token_is_exchanged_for_a_short_lived_HttpOnly_cookie_and_a_clean_address()
    {
        var (doc, token) = await LinkAsync();
        var patient = App.Anonymous();
        var first = await patient.GetAsync($"/PatientLink?t={Uri.EscapeDataString(token)}");
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        first.Headers.Location!.ToString().ShouldBe("/PatientLink");
        var cookie = first.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ClinicAdmin.PatientLink=", StringComparison.Ordinal)).ToLowerInvariant();
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("secure"); // the test app runs outside Development
        cookie.ShouldContain("path=/patientlink");
        cookie.ShouldContain("samesite=lax"); // the link is opened from an e-mail: a cross-site top-level navigation
        cookie.ShouldContain("max-age=1800");
        cookie.ShouldNotContain(token.ToLowerInvariant());

        var html = await (await patient.GetAsync("/PatientLink")).Content.ReadAsStringAsync();
        html.ShouldNotContain(token);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        page.QuerySelector("input[name='Input.DateOfBirth']").ShouldNotBeNull();
        var verified = await patient.SubmitAsync(page, "/PatientLink", new() { ["Input.DateOfBirth"] = "1980-02-03" });
        verified.StatusCode.ShouldBe(HttpStatusCode.Redirect); // to the success page, which offers the download
        var pdf = await patient.GetAsync("/PatientLink?handler=Download");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await pdf.Content.ReadAsByteArrayAsync()).ShouldBe(doc.Content);

        // The cookie is what carries the link now: a new browser without it gets the neutral page.
        (await App.Anonymous().GetDocumentAsync("/PatientLink")).QuerySelector("#link-invalid").ShouldNotBeNull();
        // And it expires: 31 minutes later the same browser is refused.
        App.Clock.Set(Noon.AddMinutes(31));
        (await patient.GetDocumentAsync("/PatientLink")).QuerySelector("#link-invalid").ShouldNotBeNull();
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class PatientLinkAttackTests_Sqlite(SqliteApp app) : PatientLinkAttackTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class PatientLinkAttackTests_PostgreSql(PostgreSqlApp app) : PatientLinkAttackTests(app);
