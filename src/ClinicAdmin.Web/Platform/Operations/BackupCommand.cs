using ClinicAdmin.Data.Backup;

namespace ClinicAdmin.Web.Platform.Operations;

/// <summary>
/// Command-line backup and restore of the configured database (SQLite or PostgreSQL; SQL Server is refused with a
/// pointer to its own BACKUP DATABASE):
///   dotnet ClinicAdmin.Web.dll backup --out FILE           a backup plus FILE.manifest.json (safe while the app runs)
///   dotnet ClinicAdmin.Web.dll backup verify --from FILE    checks a backup against its manifest
///   dotnet ClinicAdmin.Web.dll restore --from FILE [--force] restores (refuses a non-empty database without --force)
/// Exit codes: 0 done, 1 refused or failed (one line saying why), 2 usage.
/// </summary>
public static class BackupCommand
{
    public static Task<int> BackupAsync(WebApplication app, string[] args) => RunAsync(app, async backup =>
    {
        if (args.FirstOrDefault() == "verify")
        {
            var file = Arg(args, "--from") ?? args.ElementAtOrDefault(1);
            if (file is null) return Usage();
            var m = await backup.VerifyAsync(file);
            Console.WriteLine($"{Path.GetFullPath(file)} is intact: SHA-256 {m.FileSha256[..16]}…, {m.Tables.Count} tables, {m.Tables.Sum(t => t.Rows)} rows, {m.Documents.Count} documents ({m.Provider}, {m.CreatedAtUtc:yyyy-MM-dd HH:mm} UTC).");
            return 0;
        }
        var outFile = Arg(args, "--out");
        if (outFile is null) return Usage();
        var result = await backup.BackupAsync(outFile);
        var man = result.Manifest;
        Console.WriteLine($"Backed up to {result.File} ({man.FileBytes:N0} bytes): {man.Tables.Count} tables, {man.Tables.Sum(t => t.Rows)} rows, {man.Documents.Count} documents.");
        Console.WriteLine($"Manifest: {BackupManifest.PathFor(result.File)}");
        return 0;
    });

    public static Task<int> RestoreAsync(WebApplication app, string[] args) => RunAsync(app, async backup =>
    {
        var file = Arg(args, "--from");
        if (file is null) return Usage();
        var result = await backup.RestoreAsync(file, args.Contains("--force"));
        Console.WriteLine($"Restored {Path.GetFullPath(file)} into {result.Target}: {result.Restored.Tables.Count} tables, {result.Restored.TotalRows} rows, {result.Restored.Documents.Count} documents; every table and document matches the manifest.");
        return 0;
    });

    private static async Task<int> RunAsync(WebApplication app, Func<DatabaseBackup, Task<int>> work)
    {
        using var scope = app.Services.CreateScope();
        try { return await work(scope.ServiceProvider.GetRequiredService<DatabaseBackup>()); }
        catch (BackupException e)
        {
            Console.Error.WriteLine(e.Message[..1].ToUpperInvariant() + e.Message[1..]);
            return 1;
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: backup --out FILE | backup verify --from FILE | restore --from FILE [--force]");
        return 2;
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
