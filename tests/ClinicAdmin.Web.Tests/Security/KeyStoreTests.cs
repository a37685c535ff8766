using System.Net;
using System.Xml.Linq;
using ClinicAdmin.Data;
using ClinicAdmin.Data.Identity;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Testing;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Security;

/// <summary>
/// Data-protection keys live in the database (issue 12: the library's EF key store replaced our own), encrypted at rest
/// with a certificate kept outside it (issue 13). A person signed in before either upgrade stays signed in after it, and
/// a person signed in on one instance is signed in on another. Each test runs whole apps over a fresh database of its
/// own and carries the browser's cookies from one app to the other.
/// </summary>
public abstract class KeyStoreTests : IAsyncLifetime
{
    private const string Email = "keys@test.clinic";

    protected abstract DatabaseProvider Provider { get; }
    protected abstract Task<string> NewDatabaseAsync();

    private readonly List<WebApplicationFactory<Program>> _apps = [];
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "clinicadmin-tests", "keys-" + Guid.NewGuid().ToString("N"))).FullName;
    private string _database = "";

    public async Task InitializeAsync() => _database = await NewDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var app in _apps) await app.DisposeAsync();
        await TestDatabases.DropAsync(Provider, _database);
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_sign_in_cookie_and_a_form_issued_with_the_old_key_store_are_accepted_after_the_upgrade()
    {
        var cookies = new CookieContainer();
        var oldStore = new OldDbXmlRepository(Provider, _database);
        // Before both upgrades: the old key store, and keys stored unencrypted.
        var before = Start(services => services.PostConfigure<KeyManagementOptions>(o => { o.XmlRepository = oldStore; o.XmlEncryptor = null; }));
        await CreateUserAsync(before);
        var old = Browser(before, cookies);
        await old.SignInAsync(Email, ClinicApp.Password);
        var formFromBefore = await old.GetDocumentAsync("/");
        oldStore.Stored.ShouldBe(1, "the app before the upgrade made its key with the old key store");
        var keysBefore = await KeyRowsAsync();
        keysBefore.Count.ShouldBe(1);
        keysBefore[0].ShouldContain("<masterKey", Case.Sensitive, "the key from before is stored in plain text");
        await before.DisposeAsync();

        var after = Start(); // the app as it is now, unchanged
        var browser = Browser(after, cookies);
        var home = await browser.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.OK, $"the old sign-in cookie was refused: {home.Headers.Location}");
        (await ClinicClient.ReadAsync(home)).QuerySelector("#signed-in-as")!.TextContent.ShouldContain(Email);
        // The sign-out form rendered before the upgrade carries an anti-forgery token made with the old key (refused: 400).
        (await browser.SubmitAsync(formFromBefore, "/", new(), "form[action='/Account/Logout']")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await KeyRowsAsync()).ShouldBe(keysBefore, "the upgraded app read the old key instead of making its own");
    }

    [Fact]
    public async Task Two_instances_share_their_keys_through_the_database()
    {
        var cookies = new CookieContainer();
        var a = Start();
        var b = Start();
        await CreateUserAsync(a);
        var onA = Browser(a, cookies);
        await onA.SignInAsync(Email, ClinicApp.Password); // the key is made here, by instance A
        var formFromA = await onA.GetDocumentAsync("/");
        (await KeyRowsAsync()).Count.ShouldBe(1);

        var onB = Browser(b, cookies);
        var home = await onB.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.OK, $"instance B refused A's sign-in cookie: {home.Headers.Location}");
        (await onB.SubmitAsync(formFromA, "/", new(), "form[action='/Account/Logout']")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await KeyRowsAsync()).Count.ShouldBe(1, "instance B made a key of its own instead of using A's");
    }

    [Fact]
    public async Task The_stored_key_has_no_plaintext_secret_and_only_the_certificate_opens_it()
    {
        var cookies = new CookieContainer();
        var app = Start();
        await CreateUserAsync(app);
        await Browser(app, cookies).SignInAsync(Email, ClinicApp.Password);
        var row = (await KeyRowsAsync()).ShouldHaveSingleItem();
        row.ShouldContain("<encryptedSecret");
        row.ShouldContain("<X509Certificate>");
        row.ShouldNotContain("<masterKey");
        row.ShouldNotContain("<value>");
        // A restart with the same certificate reads the key: the person stays signed in.
        var again = Start();
        (await Browser(again, cookies).GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Whoever has the database (or a backup) but not the certificate cannot use the key to accept or forge a cookie.
        var stranger = Start(certificate: TestKeys.NewCertificateFile(password: null));
        var home = await Browser(stranger, cookies).GetAsync("/");
        home.StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task After_a_certificate_rotation_the_old_keys_still_open_and_new_keys_use_only_the_new_certificate()
    {
        var cookies = new CookieContainer();
        var oldCertificate = TestKeys.NewCertificateFile(password: null);
        var newCertificate = TestKeys.NewCertificateFile(password: null);
        var before = Start(certificate: oldCertificate);
        await CreateUserAsync(before);
        await Browser(before, cookies).SignInAsync(Email, ClinicApp.Password);

        // Rotated: the new certificate is current, the old one listed as previous. The person stays signed in.
        var rotated = Start(certificate: newCertificate, previous: oldCertificate);
        (await Browser(rotated, cookies).GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, "the key the old certificate encrypted no longer opens");

        // The next key (made when the first one expires; made now here) is encrypted to the new certificate only.
        var keys = rotated.Services.GetRequiredService<IKeyManager>();
        var next = keys.CreateNewKey(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(90));
        var rows = await KeyRowsAsync();
        rows.Count.ShouldBe(2);
        rows[1].ShouldContain(CertificateText(newCertificate));
        rows[1].ShouldNotContain(CertificateText(oldCertificate));

        // Once the old keys are gone, the old certificate can go too: the new key alone signs people in.
        await using (var db = new OldKeyStoreContext(Provider, _database))
            await db.Keys.Where(k => !k.Xml.Contains(next.KeyId.ToString())).ExecuteDeleteAsync();
        var later = Start(certificate: newCertificate);
        var fresh = new CookieContainer();
        await Browser(later, fresh).SignInAsync(Email, ClinicApp.Password);
        (await Browser(later, fresh).GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static string CertificateText(string pfx) =>
        Convert.ToBase64String(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(pfx, null).RawData);

    private WebApplicationFactory<Program> Start(Action<IServiceCollection>? services = null, string? certificate = null, string? previous = null)
    {
        var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Database:Provider", Provider.ToString());
            b.UseSetting("Database:ConnectionString", _database);
            b.UseSetting("Demo:Enabled", "false");
            b.UseSetting("Jobs:Enabled", "false"); // nothing here runs jobs
            b.UseSetting("Security:TwoFactorRequiredRoles", "none"); // this test is about keys: the manager signs in with a password
            b.UseSetting("Smtp:PickupDirectory", _folder);
            b.UseSetting("DataProtection:CertificatePath", certificate ?? TestKeys.CertificatePath);
            if (previous is not null) b.UseSetting("DataProtection:PreviousCertificates:0:Path", previous);
            if (services is not null) b.ConfigureTestServices(services);
        });
        _apps.Add(app);
        _ = app.Server; // migrates the database and creates the roles
        return app;
    }

    private static async Task CreateUserAsync(WebApplicationFactory<Program> app)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = Email, Email = Email, EmailConfirmed = true, DisplayName = "Key Keeper" };
        (await users.CreateAsync(user, ClinicApp.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, Roles.PracticeManager)).Succeeded.ShouldBeTrue();
    }

    // https, as a browser reaches the app: the cookies are Secure.
    private static ClinicClient Browser(WebApplicationFactory<Program> app, CookieContainer cookies) =>
        new(app.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies)));

    private async Task<List<string>> KeyRowsAsync()
    {
        await using var db = new OldKeyStoreContext(Provider, _database);
        return await db.Keys.OrderBy(k => k.Id).Select(k => k.Id + " " + k.FriendlyName + " " + k.Xml).ToListAsync();
    }

    /// <summary>The key row as the app stored it before the upgrade (fixture copy of the removed entity).</summary>
    private sealed class DataProtectionKeyRow
    {
        public int Id { get; set; }
        public string FriendlyName { get; set; } = "";
        public string Xml { get; set; } = "";
    }

    private sealed class OldKeyStoreContext(DatabaseProvider provider, string connectionString) : DbContext
    {
        public DbSet<DataProtectionKeyRow> Keys => Set<DataProtectionKeyRow>();

        protected override void OnConfiguring(DbContextOptionsBuilder o) => DataModule.Configure(o, provider, connectionString);

        protected override void OnModelCreating(ModelBuilder b)
        {
            b.Entity<DataProtectionKeyRow>().ToTable("DataProtectionKeys");
            b.Entity<DataProtectionKeyRow>().Property(x => x.FriendlyName).HasMaxLength(200);
        }
    }

    /// <summary>The key store the app had before the upgrade, copied as it was (issue 12), counting the keys it stores.</summary>
    private sealed class OldDbXmlRepository(DatabaseProvider provider, string connectionString) : IXmlRepository
    {
        public int Stored { get; private set; }

        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var db = new OldKeyStoreContext(provider, connectionString);
            return db.Keys.AsNoTracking().Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            using var db = new OldKeyStoreContext(provider, connectionString);
            db.Keys.Add(new DataProtectionKeyRow { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
            db.SaveChanges();
            Stored++;
        }
    }
}

[Trait("Database", "Sqlite")]
public sealed class KeyStoreTests_Sqlite : KeyStoreTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override Task<string> NewDatabaseAsync() => Task.FromResult(TestDatabases.NewSqlite("keys"));
}

[Trait("Database", "PostgreSql")]
public sealed class KeyStoreTests_PostgreSql : KeyStoreTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    protected override Task<string> NewDatabaseAsync() => TestDatabases.NewPostgresAsync("keys");
}
