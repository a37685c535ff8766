using System.Net;
using ClinicAdmin.Data.Identity;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Web.Platform.Operations;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ClinicAdmin.Web.Tests.Features.Patients.RecordData;

namespace ClinicAdmin.Web.Tests.Security;

/// <summary>
/// Production refuses unsafe states at start with one line naming the key (issue 13, findings 5, 6 and 7): no public
/// address, SMTP without TLS, a mail pickup folder, demo sign-ins in the database.
/// </summary>
[Trait("Database", "Sqlite")]
public sealed class ProductionRefusalTests
{
    private static WebApplicationFactory<Program> Production(string connectionString, params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("Database:ConnectionString", connectionString);
            b.UseSetting("App:PublicBaseUrl", "https://clinic.example");
            b.UseSetting("Jobs:Enabled", "false");
            b.UseSetting("DataProtection:CertificatePath", ClinicAdmin.Testing.TestKeys.CertificatePath);
            foreach (var (k, v) in settings) b.UseSetting(k, v);
        });

    /// <summary>The line the operator sees (Operations/StartupErrors.cs turns it into one line and exit 78).</summary>
    private static string RefusalOf(WebApplicationFactory<Program> factory)
    {
        var error = Should.Throw<Exception>(() => factory.CreateClient());
        var line = StartupErrors.Explain(error);
        line.ShouldNotBeNull($"not explained as a start-up problem: {error}");
        line.ShouldNotContain("\n");
        return line;
    }

    [Theory]
    [InlineData("App:PublicBaseUrl", "", "App:PublicBaseUrl")]
    [InlineData("App:PublicBaseUrl", "http://clinic.example", "App:PublicBaseUrl")]
    [InlineData("Smtp:Host", "mail.clinic.example", "Smtp:Security")] // with Security None below
    [InlineData("Smtp:PickupDirectory", "/tmp/clinic-mail", "Smtp:PickupDirectory")]
    [InlineData("DataProtection:CertificatePath", "", "DataProtection:CertificatePath is required in Production")]
    [InlineData("DataProtection:CertificatePath", "/nonexistent/kek.pfx", "DataProtection:CertificatePath names /nonexistent/kek.pfx")]
    public void An_unsafe_setting_stops_production_naming_the_key(string key, string value, string named)
    {
        var settings = new List<(string, string)> { (key, value) };
        if (key == "Smtp:Host") settings.Add(("Smtp:Security", "None"));
        using var factory = Production(ClinicAdmin.Testing.TestDatabases.NewSqlite("prod"), settings.ToArray());
        RefusalOf(factory).ShouldContain(named);
    }

    [Fact]
    public void A_key_encryption_certificate_that_cannot_be_opened_stops_production_naming_the_password_setting()
    {
        var withPassword = ClinicAdmin.Testing.TestKeys.NewCertificateFile(password: "right-password");
        using (var factory = Production(ClinicAdmin.Testing.TestDatabases.NewSqlite("prod-kek"),
                   ("DataProtection:CertificatePath", withPassword), ("DataProtection:CertificatePassword", "wrong-password")))
            RefusalOf(factory).ShouldContain("DataProtection:CertificatePassword");
        using (var factory = Production(ClinicAdmin.Testing.TestDatabases.NewSqlite("prod-kek"),
                   ("DataProtection:CertificatePath", withPassword), ("DataProtection:CertificatePassword", "right-password")))
            factory.CreateClient().Dispose(); // the right password starts
    }

    [Fact]
    public async Task A_database_with_demo_sign_ins_stops_production()
    {
        var cs = ClinicAdmin.Testing.TestDatabases.NewSqlite("prod-demo");
        // A database that once ran in demo mode (outside Production) keeps the published demo sign-ins.
        using (var earlier = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
               {
                   b.UseEnvironment("Testing");
                   b.UseSetting("Database:Provider", "Sqlite");
                   b.UseSetting("Database:ConnectionString", cs);
                   b.UseSetting("Jobs:Enabled", "false");
               }))
        {
            _ = earlier.Server;
            using var scope = earlier.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            (await users.CreateAsync(new ApplicationUser { UserName = "manager@demo.clinic", Email = "manager@demo.clinic", DisplayName = "Demo" }, "Demo-Clinic-2026!")).Succeeded.ShouldBeTrue();
        }
        using (var production = Production(cs))
            RefusalOf(production).ShouldContain("@demo.clinic");
    }
}

/// <summary>The app in Production with no mail server configured.</summary>
public sealed class ProductionApp : ClinicApp
{
    public override ClinicAdmin.Data.DatabaseProvider Provider => ClinicAdmin.Data.DatabaseProvider.Sqlite;
    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(ClinicAdmin.Testing.TestDatabases.NewSqlite("production"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("App:PublicBaseUrl", "https://clinic.example");
        builder.UseSetting("Smtp:PickupDirectory", "");
        builder.UseSetting("Smtp:Host", "");
    }
}

[CollectionDefinition(Name)]
public sealed class ProductionCollection : ICollectionFixture<ProductionApp> { public const string Name = "Production"; }

[Collection(ProductionCollection.Name), Trait("Database", "Sqlite")]
public sealed class ProductionMailTests(ProductionApp app) : PageTest(app)
{
    [Fact]
    public async Task Without_a_mail_server_the_page_says_nothing_was_sent_and_no_link_or_file_is_made()
    {
        FreezeClock(App);
        var patient = Patient();
        patient.Email = "patient@example.com";
        await App.InsertAsync(patient);
        var doc = new GeneratedDocument
        {
            Kind = DocumentKind.Superbill, RequestKey = "prod", DocumentNumber = "SB-2026-000010", FileName = "superbill.pdf",
            ContentType = "application/pdf", Content = "%PDF-1.4"u8.ToArray(), Sha256 = "x", PatientId = patient.Id, CreatedBy = "t", CreatedAt = Noon.UtcDateTime,
        };
        await App.InsertAsync(doc);
        var desk = await App.SignInAsync(Roles.FrontDesk);
        var sent = await desk.SubmitAsync($"/Superbills/Link?documentId={doc.Id}", [], "form[action*='Email']");
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await desk.GetDocumentAsync(sent.Headers.Location!.ToString());
        var flash = page.QuerySelector("[role=status]")!.TextContent;
        flash.ShouldContain("nothing was sent");
        flash.ShouldNotContain("e-mailed");
        (await App.InDbAsync(db => db.PatientLinks.CountAsync())).ShouldBe(0);
        Directory.GetFiles(App.MailDirectory, "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }
}
