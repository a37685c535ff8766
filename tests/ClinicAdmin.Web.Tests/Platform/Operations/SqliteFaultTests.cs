using System.Data.Common;
using System.Net;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.Tests.Infrastructure;
using ClinicAdmin.Web.Tests.Features.Staff;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Platform.Operations;

/// <summary>
/// The SQLite default when its file becomes read-only or its disk fills while the app runs, simulated with SQLite's
/// own switches on every connection the app opens: PRAGMA query_only gives SQLITE_READONLY, PRAGMA max_page_count
/// gives SQLITE_FULL (the error a full disk gives). tests/faults/sqlite-disk-full.sh does the same on a real full disk.
/// </summary>
[Trait("Database", "Sqlite")]
public sealed class SqliteFaultTests(SqliteFaultTests.FaultySqliteApp app) : PageTest(app), IClassFixture<SqliteFaultTests.FaultySqliteApp>
{
    public enum Fault { None, ReadOnly, Full }

    public sealed class FaultySqliteApp : ClinicApp
    {
        public Fault Fault { get; set; }
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
        protected override Task<string> CreateDatabaseAsync() => Task.FromResult(ClinicAdmin.Testing.TestDatabases.NewSqlite("faults"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.ConfigureDbContext<ClinicDbContext>(o => o.AddInterceptors(new Switch(this))));
        }

        private sealed class Switch(FaultySqliteApp app) : DbConnectionInterceptor
        {
            public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
            {
                await using var cmd = connection.CreateCommand();
                // A pooled connection keeps its pragmas: set both every time.
                cmd.CommandText = $"PRAGMA query_only = {(app.Fault == Fault.ReadOnly ? 1 : 0)}; PRAGMA max_page_count = {(app.Fault == Fault.Full ? 1 : 1073741823)};";
                await cmd.ExecuteNonQueryAsync(ct);
            }

            public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
                ConnectionOpenedAsync(connection, eventData).GetAwaiter().GetResult();
        }
    }

    private new FaultySqliteApp App => (FaultySqliteApp)base.App;

    private static Dictionary<string, string?> Person(int i) => StaffData.NewPersonForm(f =>
    {
        f["Input.LastName"] = $"Fault{i:000}";
        f["Input.Email"] = $"person{i}@clinic.example";
        f["Input.Npi"] = "";
        f["Input.IsRenderingProvider"] = "false";
        f["Input.Bio"] = new string('b', 1500); // a big row: a full database runs out of pages within a few
    });

    private async Task<List<string>> StaffNamesAsync() => await App.InDbAsync(db => db.Staff.Select(s => s.LastName).ToListAsync());

    private static async Task ShouldBeTheFriendly503Async(HttpResponseMessage response, string words)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.ShouldNotBeNull();
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain(words);
        html.ShouldContain("nothing was saved");
        html.ShouldNotContain("Exception");
        html.ShouldNotContain(" at ClinicAdmin");
    }

    private async Task IntegrityShouldBeOkAsync()
    {
        await using var c = new SqliteConnection(App.ConnectionString);
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        (await cmd.ExecuteScalarAsync()).ShouldBe("ok");
    }

    [Fact]
    public async Task When_the_database_turns_read_only_a_save_gets_a_friendly_503_reads_keep_working_and_nothing_is_half_written()
    {
        var pm = await App.SignInAsync(Roles.PracticeManager);
        (await pm.SubmitAsync("/Staff/Edit", Person(1))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var form = await pm.GetDocumentAsync("/Staff/Edit");
        App.Fault = Fault.ReadOnly;
        try
        {
            await ShouldBeTheFriendly503Async(await pm.SubmitAsync(form, "/Staff/Edit", Person(2)), "read-only");
            (await pm.GetAsync("/Staff")).StatusCode.ShouldBe(HttpStatusCode.OK); // reads keep working
            (await pm.GetDocumentAsync("/Staff")).Body!.TextContent.ShouldContain("Fault001");
        }
        finally { App.Fault = Fault.None; }
        (await StaffNamesAsync()).ShouldBe(["Fault001"]);
        (await App.InDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "StaffMember"))).ShouldBe(1);
        (await pm.SubmitAsync("/Staff/Edit", Person(3))).StatusCode.ShouldBe(HttpStatusCode.Redirect); // writable again: works at once
        await IntegrityShouldBeOkAsync();
    }

    [Fact]
    public async Task When_the_disk_is_full_every_refused_save_leaves_nothing_and_every_accepted_one_is_complete()
    {
        var pm = await App.SignInAsync(Roles.PracticeManager);
        App.Fault = Fault.Full;
        var accepted = new List<string>();
        HttpResponseMessage? refused = null;
        try
        {
            for (var i = 1; i <= 60 && refused is null; i++)
            {
                var response = await pm.SubmitAsync("/Staff/Edit", Person(i));
                if (response.StatusCode == HttpStatusCode.Redirect) accepted.Add($"Fault{i:000}");
                else refused = response;
            }
            refused.ShouldNotBeNull("60 large rows must outgrow a database that may not grow");
            await ShouldBeTheFriendly503Async(refused, "disk");
            (await pm.GetAsync("/Staff")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally { App.Fault = Fault.None; }
        (await StaffNamesAsync()).Order().ShouldBe(accepted.Order());
        (await App.InDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "StaffMember"))).ShouldBe(accepted.Count);
        (await pm.SubmitAsync("/Staff/Edit", Person(99))).StatusCode.ShouldBe(HttpStatusCode.Redirect); // space is back: works again
        await IntegrityShouldBeOkAsync();
    }
}
