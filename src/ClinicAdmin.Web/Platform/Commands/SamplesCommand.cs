using ClinicAdmin.Web.Platform.Demo;

namespace ClinicAdmin.Web.Platform.Commands;

/// <summary>
/// `samples [--out DIR]` regenerates reports/samples/ from demo data (a throw-away data folder with demo data on; the
/// demo seed is deterministic):
///   ASPNETCORE_ENVIRONMENT=Development Database__DataDirectory=/tmp/clinic-samples dotnet ClinicAdmin.Web.dll samples
/// Every feature's <see cref="ISampleWriter"/> writes its document (the superbill, the outcome workbook).
/// </summary>
public static class SamplesCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (app.RefusedInProduction("samples", "run it with ASPNETCORE_ENVIRONMENT=Development on a throw-away data folder.")) return 1;
        var i = Array.IndexOf(args, "--out");
        var outDir = Path.GetFullPath(i >= 0 && i + 1 < args.Length ? args[i + 1] : Path.Combine("reports", "samples"));
        Directory.CreateDirectory(outDir);
        await app.InitializeDatabaseAsync();
        using var scope = app.Services.CreateScope();
        foreach (var writer in scope.ServiceProvider.GetServices<ISampleWriter>())
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var path = await writer.WriteAsync(scope.ServiceProvider, outDir);
            if (path is null)
            {
                Console.Error.WriteLine("No demo data for the samples: run with Demo:Enabled=true (Development) on an empty data folder.");
                return 1;
            }
            Console.WriteLine($"Wrote {path} ({new FileInfo(path).Length / 1024} KB) in {watch.ElapsedMilliseconds} ms");
        }
        return 0;
    }
}
