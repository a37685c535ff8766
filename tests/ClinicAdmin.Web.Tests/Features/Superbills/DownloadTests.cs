using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Features.Superbills;

public abstract class DownloadTests(ClinicApp app) : PageTest(app)
{
    private async Task<int> WorkbookAsync()
    {
        var doc = new GeneratedDocument
        {
            Kind = DocumentKind.OutcomeWorkbook, RequestKey = "workbook:2026-10:v1", DocumentNumber = "WB-2026-10-v1",
            FileName = "outcomes-2026-10-v1.xlsx", ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Content = [0x50, 0x4B, 3, 4], Sha256 = new string('a', 64), CreatedBy = "system", CreatedAt = DateTime.UtcNow,
        };
        await App.InsertAsync(doc);
        return doc.Id;
    }

    [Fact]
    public async Task The_medical_director_downloads_an_outcome_workbook_and_the_download_is_audited()
    {
        var id = await WorkbookAsync();
        var client = await App.SignInAsync(Roles.MedicalDirector);
        var response = await client.GetAsync($"/Documents/Download?id={id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync())[..2].ShouldBe(new byte[] { 0x50, 0x4B });
        (await App.InDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "GeneratedDocument" && a.Action == "Downloaded" && a.EntityId == id.ToString()))).ShouldBe(1);
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.Clinician)]
    public async Task Front_desk_and_clinicians_cannot_download_clinic_wide_outcome_workbooks(string role)
    {
        var id = await WorkbookAsync();
        var client = await App.SignInAsync(role);
        var response = await client.GetAsync($"/Documents/Download?id={id}");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await App.InDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "GeneratedDocument" && a.Action == "Downloaded"))).ShouldBe(0);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class DownloadTests_Sqlite(SqliteApp app) : DownloadTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class DownloadTests_PostgreSql(PostgreSqlApp app) : DownloadTests(app);
