using System.Diagnostics;
using System.Globalization;
using ClinicAdmin.Reports.Workbooks;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Commands;
using ClinicAdmin.Web.Platform.Demo;

namespace ClinicAdmin.Web.Features.Outcomes;

/// <summary>
/// Writes a month's outcome workbook to a file from the command line, without storing it as a document (a DBA's check,
/// and the end-to-end measurement of figures + writer on a large database):
///   dotnet ClinicAdmin.Web.dll workbook --month 2026-10 [--out outcomes.xlsx]
/// Prints the time of each step and the process's peak working set.
/// </summary>
public static class WorkbookCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (app.RefusedInProduction("workbook", "download the month's workbook from the Outcomes page, or measure on a copy of the database outside Production.")) return 1;
        var m = Array.IndexOf(args, "--month");
        var o = Array.IndexOf(args, "--out");
        if (m < 0 || m + 1 >= args.Length || !DateOnly.TryParseExact(args[m + 1] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            Console.Error.WriteLine("usage: workbook --month yyyy-MM [--out FILE]");
            return 2;
        }
        var path = Path.GetFullPath(o >= 0 && o + 1 < args.Length ? args[o + 1] : $"outcomes-{month:yyyy-MM}.xlsx");
        await app.InitializeDatabaseAsync();
        using var scope = app.Services.CreateScope();
        var figures = scope.ServiceProvider.GetRequiredService<OutcomeFigures>();

        var total = Stopwatch.StartNew();
        var model = await figures.WorkbookAsync(month.Year, month.Month, 1, "command line");
        var computeMs = total.ElapsedMilliseconds;
        var heapAfterFigures = GC.GetTotalMemory(false);
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            OutcomeWorkbookWriter.Write(model, file);
        total.Stop();

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        const double mb = 1024.0 * 1024.0;
        Console.WriteLine($"Wrote {path}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"workbook {month:yyyy-MM}: sessions={model.Sessions.Count()} courses={model.Outcomes.Count()} assessments={model.Assessments.Count()} incidents={model.Incidents.Count()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"figures_ms={computeMs} write_ms={total.ElapsedMilliseconds - computeMs} total_ms={total.ElapsedMilliseconds} file_mb={new FileInfo(path).Length / mb:F1} peak_working_set_mb={process.PeakWorkingSet64 / mb:F0} managed_heap_after_figures_mb={heapAfterFigures / mb:F0} allocated_mb={GC.GetTotalAllocatedBytes() / mb:F0} gen2_collections={GC.CollectionCount(2)}"));
        return 0;
    }
}
