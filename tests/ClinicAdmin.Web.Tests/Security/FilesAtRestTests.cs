using System.Xml.Linq;
using ClinicAdmin.Data;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Security;

/// <summary>
/// Files at rest on Unix (issue 13, finding 11): the data folder is 0700 and the SQLite database with its -wal and -shm
/// 0600, readable by the app's user only (the umask alone gives 0755/0644: every account on the machine could copy
/// the patients). Outside Production the data-protection keys' certificate is made in the data folder, 0600.
/// </summary>
[Trait("Database", "Sqlite")]
public sealed class FilesAtRestTests : IDisposable
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateFolder = Private | UnixFileMode.UserExecute;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "clinicadmin-tests", "atrest-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }

    private static WebApplicationFactory<Program> App(string dataDirectory) => new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
    {
        b.UseEnvironment("Testing");
        b.UseSetting("Database:Provider", "Sqlite");
        b.UseSetting("Database:DataDirectory", dataDirectory); // the default database file and the development certificate live here
        b.UseSetting("Demo:Enabled", "false");
        b.UseSetting("Jobs:Enabled", "false");
        b.UseSetting("Smtp:PickupDirectory", Path.Combine(dataDirectory, "..", "mail"));
    });

    [Fact]
    public async Task A_new_data_folder_its_database_wal_shm_and_development_certificate_are_private()
    {
        if (OperatingSystem.IsWindows()) return; // Unix file modes
        var data = Path.Combine(_root, "data");
        await using var app = App(data);
        _ = app.Server;
        var db = Path.Combine(data, "clinicadmin.db");
        var kek = Path.Combine(data, KeyEncryption.DevelopmentFileName);

        File.GetUnixFileMode(data).ShouldBe(PrivateFolder);
        File.GetUnixFileMode(db).ShouldBe(Private);
        File.GetUnixFileMode(kek).ShouldBe(Private);
        // SQLite makes -wal and -shm while a connection writes; they take the database file's mode.
        await using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode; CREATE TABLE probe(x); INSERT INTO probe VALUES (1);";
            (await cmd.ExecuteScalarAsync()).ShouldBe("wal");
            File.GetUnixFileMode(db + "-wal").ShouldBe(Private);
            File.GetUnixFileMode(db + "-shm").ShouldBe(Private);
        }

        // The key the app made is encrypted to the development certificate, which is not in the database.
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("probe").Protect("x");
        using var scope = app.Services.CreateScope();
        var xml = (await scope.ServiceProvider.GetRequiredService<ClinicDbContext>().DataProtectionKeys.AsNoTracking().ToListAsync()).ShouldHaveSingleItem().Xml!;
        XElement.Parse(xml).Descendants(XName.Get("encryptedSecret", "http://schemas.asp.net/2015/03/dataProtection")).Count().ShouldBe(1, xml);
        xml.ShouldNotContain("<masterKey");
    }

    [Fact]
    public async Task A_database_made_by_an_earlier_version_with_open_modes_is_made_private_at_start()
    {
        if (OperatingSystem.IsWindows()) return; // Unix file modes
        var data = Path.Combine(_root, "old");
        Directory.CreateDirectory(data);
        var db = Path.Combine(data, "clinicadmin.db");
        var open = Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        foreach (var f in new[] { db, db + "-wal" })
        {
            await File.WriteAllBytesAsync(f, []);
            File.SetUnixFileMode(f, open);
        }

        await using var app = App(data);
        _ = app.Server;
        File.GetUnixFileMode(db).ShouldBe(Private);
        if (File.Exists(db + "-wal")) File.GetUnixFileMode(db + "-wal").ShouldBe(Private);
    }
}
