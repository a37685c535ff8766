using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Testing;
using ClinicAdmin.Web.Features.Superbills;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ClinicAdmin.Web.Tests.Features.Patients.RecordData;

namespace ClinicAdmin.Web.Tests.Features.Settings;

/// <summary>
/// The clinic's logo (issue 14): uploaded on its own settings page, judged by its bytes, audited without its bytes,
/// served from one address with caching headers, and shown on staff pages and on the anonymous patient link page.
/// </summary>
public abstract class LogoTests(ClinicApp app) : PageTest(app)
{
    private const string Url = "/Settings/Logo";
    private static readonly string Manager = ClinicApp.EmailOf[Roles.PracticeManager];

    /// <summary>Posts the logo form as a browser does: multipart, with the form's anti-forgery token.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(ClinicClient client, byte[] bytes, string fileName, string contentType = "image/png")
    {
        var form = ClinicClient.FindForm(await client.GetDocumentAsync(Url), "#logo-form");
        var content = new MultipartFormDataContent();
        foreach (var (k, v) in ClinicClient.FieldsOf(form)) content.Add(new StringContent(v), k);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        content.Add(file, "LogoFile", fileName);
        return await client.Http.PostAsync(Url, content);
    }

    private Task<List<GeneratedDocument>> LogosAsync() =>
        App.InDbAsync(db => db.Documents.AsNoTracking().Where(d => d.Kind == DocumentKind.ClinicLogo).OrderBy(d => d.Id).ToListAsync());

    [Fact]
    public async Task The_manager_uploads_a_png_that_staff_pages_show_with_the_clinic_name_as_alt_text()
    {
        var client = await App.SignInAsync(Roles.PracticeManager);
        var png = TestImages.Png(300, 100);

        var response = await UploadAsync(client, png, "C:\\fakepath\\Lakeside logo.png");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = (await LogosAsync()).ShouldHaveSingleItem();
        (stored.FileName, stored.ContentType, stored.Sha256, stored.VoidedAt).ShouldBe(("Lakeside logo.png", "image/png", Convert.ToHexStringLower(SHA256.HashData(png)), null));
        stored.Content.ShouldBe(png);
        var clinician = await App.SignInAsync(Roles.Clinician);
        var home = await clinician.GetDocumentAsync("/");
        var logos = home.QuerySelectorAll<IHtmlImageElement>("img.app-logo").ToList();
        logos.Count.ShouldBeGreaterThan(0);
        logos.ShouldAllBe(i => i.AlternativeText == "Test Ketamine Clinic" && i.GetAttribute("src")!.StartsWith(ClinicBrand.LogoPath + "?v=", StringComparison.Ordinal));
        (await client.GetDocumentAsync("/Settings")).QuerySelector("#logo-setting")!.TextContent.ShouldContain("Lakeside logo.png");
    }

    [Fact]
    public async Task Without_a_logo_the_pages_look_as_before_and_the_address_answers_404()
    {
        var home = await (await App.SignInAsync(Roles.FrontDesk)).GetDocumentAsync("/");
        home.QuerySelector("img.app-logo").ShouldBeNull();
        home.QuerySelector(".app-brand .bi-heart-pulse").ShouldNotBeNull();
        (await App.Anonymous().GetAsync(ClinicBrand.LogoPath)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await App.SignInAsync(Roles.PracticeManager)).GetDocumentAsync(Url)).QuerySelector("#no-logo").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_logo_is_served_to_anyone_with_an_etag_caching_and_nosniff_and_answers_304_when_unchanged()
    {
        var png = TestImages.Png(64, 64);
        (await UploadAsync(await App.SignInAsync(Roles.PracticeManager), png, "logo.png")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var sha = Convert.ToHexStringLower(SHA256.HashData(png));
        var anonymous = App.Anonymous();

        var versioned = await anonymous.GetAsync($"{ClinicBrand.LogoPath}?v={sha[..16]}");
        versioned.StatusCode.ShouldBe(HttpStatusCode.OK);
        versioned.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await versioned.Content.ReadAsByteArrayAsync()).ShouldBe(png);
        versioned.Headers.ETag!.Tag.ShouldBe($"\"{sha}\"");
        versioned.Headers.CacheControl!.ToString().ShouldContain("max-age=31536000");
        versioned.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        var plain = await anonymous.GetAsync(ClinicBrand.LogoPath);
        plain.Headers.CacheControl!.NoCache.ShouldBeTrue();

        var again = new HttpRequestMessage(HttpMethod.Get, ClinicBrand.LogoPath);
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{sha}\""));
        (await anonymous.Http.SendAsync(again)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task The_patient_link_page_shows_the_logo_without_sign_in()
    {
        (await UploadAsync(await App.SignInAsync(Roles.PracticeManager), TestImages.Png(200, 80), "logo.png")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        FreezeClock(App);
        var patient = Patient();
        await App.InsertAsync(patient);
        var doc = new GeneratedDocument
        {
            Kind = DocumentKind.Superbill, RequestKey = "logo-test", DocumentNumber = "SB-2026-000001", FileName = "superbill.pdf",
            ContentType = "application/pdf", Content = "%PDF-1.4 logo test"u8.ToArray(), Sha256 = "x", PatientId = patient.Id,
            CreatedBy = "test", CreatedAt = Noon.UtcDateTime,
        };
        await App.InsertAsync(doc);
        string token;
        using (var scope = App.Services.CreateScope()) token = (await scope.ServiceProvider.GetRequiredService<PatientLinks>().CreateAsync(doc.Id, "test")).Token;
        var visitor = App.Anonymous();

        (await visitor.GetAsync($"/PatientLink?t={Uri.EscapeDataString(token)}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await visitor.GetDocumentAsync("/PatientLink");

        var logo = page.QuerySelector<IHtmlImageElement>("#clinic-logo").ShouldNotBeNull();
        logo.AlternativeText.ShouldBe("Test Ketamine Clinic");
        (await visitor.GetAsync(logo.GetAttribute("src")!)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public static TheoryData<string, byte[], string, string> Refused => new()
    {
        { "empty", [], "empty.png", "The file is empty" },
        { "a program renamed", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, .. new byte[200]], "logo.png", "not a PNG or JPEG" },
        { "an SVG", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(), "logo.svg", "SVG" },
        { "too big", [.. TestImages.Png(16, 16), .. new byte[600 * 1024]], "huge.png", "at most 512 KB" },
        { "too small", TestImages.Png(8, 8), "dot.png", "between 16 and 4,000 pixels" },
        { "a JPEG header claiming 20000 pixels", TestImages.JpegHeader(20000, 300), "wide.jpg", "20,000 × 300" },
        { "a truncated PNG", TestImages.Png(64, 64)[..20], "cut.png", "not a PNG or JPEG" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_file_that_is_not_a_sane_png_or_jpeg_is_refused_with_a_sentence_and_the_old_logo_stays(string what, byte[] bytes, string name, string message)
    {
        var client = await App.SignInAsync(Roles.PracticeManager);
        (await UploadAsync(client, TestImages.Png(100, 50), "old.png")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var auditBefore = await App.InDbAsync(db => db.AuditEntries.CountAsync());

        var response = await UploadAsync(client, bytes, name, "image/png");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, what);
        var doc = await ClinicClient.ReadAsync(response);
        doc.QuerySelector("#error-summary")!.TextContent.ShouldContain(message);
        doc.QuerySelector("#LogoFile")!.GetAttribute("aria-invalid").ShouldBe("true");
        var logos = await LogosAsync();
        logos.ShouldHaveSingleItem().FileName.ShouldBe("old.png");
        logos[0].VoidedAt.ShouldBeNull();
        (await App.InDbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(auditBefore);
    }

    [Fact]
    public async Task No_file_at_all_is_refused_with_a_sentence()
    {
        var client = await App.SignInAsync(Roles.PracticeManager);
        var form = ClinicClient.FindForm(await client.GetDocumentAsync(Url), "#logo-form");
        var content = new MultipartFormDataContent();
        foreach (var (k, v) in ClinicClient.FieldsOf(form)) content.Add(new StringContent(v), k);

        var response = await client.Http.PostAsync(Url, content);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClinicClient.ReadAsync(response)).QuerySelector("#error-summary")!.TextContent.ShouldContain("Choose a PNG or JPEG file");
        (await LogosAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Replacing_and_removing_are_audited_by_name_size_and_hash_never_bytes_and_old_logos_are_voided()
    {
        var client = await App.SignInAsync(Roles.PracticeManager);
        var first = TestImages.Png(120, 40);
        var second = TestImages.JpegHeader(640, 200);
        (await UploadAsync(client, first, "first.png")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await UploadAsync(client, second, "second.exe", "application/octet-stream")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.PostAsync(Url + "?handler=Remove", new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var logos = await LogosAsync();
        logos.Count.ShouldBe(2);
        logos.ShouldAllBe(l => l.VoidedAt != null && l.VoidedBy == Manager);
        logos[0].SupersededById.ShouldBe(logos[1].Id);
        (logos[1].FileName, logos[1].ContentType).ShouldBe(("second.jpg", "image/jpeg")); // named and typed by its bytes
        (await App.Anonymous().GetAsync(ClinicBrand.LogoPath)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var audit = await App.InDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "ClinicSettings").OrderBy(a => a.Id).ToListAsync());
        audit.Count.ShouldBe(3);
        audit.ShouldAllBe(a => a.UserName == Manager);
        audit[0].Before.ShouldBe("{\"Logo\":null}");
        audit[0].After!.ShouldContain("first.png");
        audit[0].After!.ShouldContain($"{first.Length:N0} bytes");
        audit[0].After!.ShouldContain(Convert.ToHexStringLower(SHA256.HashData(first)));
        audit[1].Before!.ShouldContain("first.png");
        audit[1].After!.ShouldContain("second.jpg");
        audit[2].Before!.ShouldContain("second.jpg");
        audit[2].After.ShouldBe("{\"Logo\":null}");
        var everything = await App.InDbAsync(db => db.AuditEntries.AsNoTracking().Select(a => (a.Before ?? "") + (a.After ?? "")).ToListAsync());
        everything.ShouldAllBe(text => !text.Contains(Convert.ToBase64String(first)));
        var trail = await client.GetDocumentAsync("/Audit/Index?EntityType=ClinicSettings");
        trail.Body!.TextContent.ShouldContain("second.jpg");
    }

    [Theory]
    [InlineData(Roles.MedicalDirector)]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.FrontDesk)]
    public async Task Only_the_practice_manager_may_change_the_logo(string role)
    {
        var client = await App.SignInAsync(role);
        (await client.GetAsync(Url)).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await client.PostAsync(Url + "?handler=Remove", new())).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await LogosAsync()).ShouldBeEmpty();
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class LogoTests_Sqlite(SqliteApp app) : LogoTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class LogoTests_PostgreSql(PostgreSqlApp app) : LogoTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class LogoTests_SqlServer(SqlServerApp app) : LogoTests(app);
