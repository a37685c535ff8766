using System.Reflection;
using System.Text.Json;
using ClinicAdmin.Data;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Configuration;

[Trait("Category", "Unit")]
public sealed class ConfigurationTests
{
    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ClinicAdmin.sln"))) dir = dir.Parent;
        return dir?.FullName ?? RepoRootFromSource();
    }

    private static string RepoRootFromSource([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));

    private static HashSet<string> KeysOf(string file)
    {
        var doc = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Walk(JsonElement e, string prefix)
        {
            if (e.ValueKind != JsonValueKind.Object) { keys.Add(prefix); return; }
            foreach (var p in e.EnumerateObject()) Walk(p.Value, prefix.Length == 0 ? p.Name : $"{prefix}:{p.Name}");
        }
        Walk(doc.RootElement, "");
        return keys;
    }

    [Fact]
    public void The_template_documents_every_key_the_app_ships_with()
    {
        var template = KeysOf(Path.Combine(Root(), "appsettings.template.json"));
        foreach (var file in Directory.GetFiles(Path.Combine(Root(), "src", "ClinicAdmin.Web"), "appsettings*.json"))
            foreach (var key in KeysOf(file).Where(k => !k.StartsWith("Logging:")))
                template.ShouldContain(key, $"{Path.GetFileName(file)} has {key}, which appsettings.template.json does not document");
    }

    /// <summary>Every options class of the app (a class with a <c>Section</c> constant), found by reflection so a new one is covered.</summary>
    public static TheoryData<Type> OptionTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var t in new[] { typeof(Program).Assembly, typeof(DatabaseOptions).Assembly }.SelectMany(a => a.GetTypes())
                     .Where(t => t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true }))
            data.Add(t);
        return data;
    }

    [Fact]
    public void Options_classes_are_found() => OptionTypes().Count.ShouldBeGreaterThanOrEqualTo(8);

    [Theory]
    [MemberData(nameof(OptionTypes))]
    public void The_template_documents_every_option(Type options)
    {
        var section = (string)options.GetField("Section")!.GetRawConstantValue()!;
        var template = KeysOf(Path.Combine(Root(), "appsettings.template.json"));
        foreach (var p in options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            template.ShouldContain($"{section}:{p.Name}", $"{options.Name}.{p.Name} is not documented in appsettings.template.json");
    }

    [Theory]
    [InlineData("Database:Provider", "Oracle", "Database:Provider")]
    [InlineData("Database:Provider", "PostgreSql", "Database:ConnectionString")]
    [InlineData("Security:SessionIdleMinutes", "0", "SessionIdleMinutes")]
    [InlineData("Reports:WorkbookSchedule", "monthly", "Reports:WorkbookSchedule")]
    public void A_wrong_setting_stops_the_app_at_start_with_a_message_naming_the_key(string key, string value, string named)
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Database:ConnectionString", key == "Database:Provider" && value == "PostgreSql" ? "" : ClinicAdmin.Testing.TestDatabases.NewSqlite("config"));
            b.UseSetting(key, value);
        });
        var error = Should.Throw<Exception>(() => factory.CreateClient());
        var messages = string.Join(" | ", Flatten(error).Select(e => e.Message));
        messages.ShouldContain(named);
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
            if (x is AggregateException a) foreach (var i in a.InnerExceptions.SelectMany(Flatten)) yield return i;
        }
    }
}
