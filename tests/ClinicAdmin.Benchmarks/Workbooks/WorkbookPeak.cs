using System.Diagnostics;
using System.Globalization;
using ClinicAdmin.Reports.Workbooks;

namespace ClinicAdmin.Benchmarks.Workbooks;

/// <summary>
/// One real run, measured from outside BenchmarkDotNet: writes the chain month's workbook to a temp
/// file and prints the elapsed time, the file size and the process's peak working set (targets:
/// under 10 s and under 300 MB on a 2-core machine).
/// Run: dotnet run -c Release --project tests/ClinicAdmin.Benchmarks -- workbook-peak [demo]
/// </summary>
public static class WorkbookPeak
{
    public const string Command = "workbook-peak";

    /// <summary>Runs and returns true when <paramref name="args"/> asks for this mode.</summary>
    public static bool TryRun(string[] args)
    {
        if (args.Length == 0 || args[0] != Command) return false;
        var size = args.Length > 1 && args[1] == "demo" ? SyntheticOutcomeMonth.Demo : SyntheticOutcomeMonth.Chain;
        var path = Path.Combine(Path.GetTempPath(), $"outcome-workbook-{Environment.ProcessId}.xlsx");
        try
        {
            var stopwatch = Stopwatch.StartNew();
            using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                OutcomeWorkbookWriter.Write(SyntheticOutcomeMonth.Model(size), file);
            stopwatch.Stop();

            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var cpuMs = process.TotalProcessorTime.TotalMilliseconds;
            var mb = 1024.0 * 1024.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"workbook-peak: {size.Sessions:N0} sessions, {size.Courses:N0} courses, {size.Assessments:N0} assessments, {size.Incidents:N0} incidents"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"elapsed_ms={stopwatch.ElapsedMilliseconds} process_cpu_ms={cpuMs:F0} file_mb={new FileInfo(path).Length / mb:F1} peak_working_set_mb={process.PeakWorkingSet64 / mb:F1} allocated_mb={GC.GetTotalAllocatedBytes() / mb:F0} gen2_collections={GC.CollectionCount(2)}"));
        }
        finally
        {
            File.Delete(path);
        }
        return true;
    }
}
