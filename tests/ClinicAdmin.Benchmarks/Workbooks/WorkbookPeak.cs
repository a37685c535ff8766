using System.Diagnostics;
using System.Globalization;
using ClinicAdmin.Reports.Workbooks;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace ClinicAdmin.Benchmarks.Workbooks;

/// <summary>
/// One real run, measured from outside BenchmarkDotNet: writes the chain month's workbook to a temp
/// file and prints the elapsed time, the file size, the process's peak working set and the bytes
/// allocated (targets for the product's writer: under 10 s and under 300 MB on a 2-core machine).
/// Run one writer per process, so the peak working set is that writer's alone:
///   dotnet run -c Release --project tests/ClinicAdmin.Benchmarks -- workbook-peak [demo] [--writer openxml|closedxml] [--keep FILE] [--hostile]
///   dotnet run -c Release --project tests/ClinicAdmin.Benchmarks -- workbook-validate FILE
/// --hostile puts formula-like text (= + - @) into every 1,000th session and incident, to check
/// that both writers keep it text (tests/ClinicAdmin.Benchmarks/Workbooks/check_workbook.py).
/// tests/ClinicAdmin.Benchmarks/workbook-compare.sh runs all of it for both writers.
/// </summary>
public static class WorkbookPeak
{
    public const string Command = "workbook-peak";
    public const string ValidateCommand = "workbook-validate";

    /// <summary>Runs and returns true when <paramref name="args"/> asks for one of these modes.</summary>
    public static bool TryRun(string[] args)
    {
        if (args.Length >= 2 && args[0] == ValidateCommand)
        {
            Environment.ExitCode = Validate(args[1]) ? 0 : 1;
            return true;
        }
        if (args.Length == 0 || args[0] != Command) return false;

        var size = args.Contains("demo") ? SyntheticOutcomeMonth.Demo : SyntheticOutcomeMonth.Chain;
        var writer = Option(args, "--writer") ?? "openxml";
        var keep = Option(args, "--keep");
        var hostile = args.Contains("--hostile");
        Action<OutcomeWorkbookModel, Stream> write = writer switch
        {
            "openxml" => (m, s) => OutcomeWorkbookWriter.Write(m, s),
            "closedxml" => ClosedXmlOutcomeWriter.Write,
            _ => throw new ArgumentException($"--writer {writer}: openxml or closedxml"),
        };

        var path = keep ?? Path.Combine(Path.GetTempPath(), $"outcome-workbook-{Environment.ProcessId}.xlsx");
        try
        {
            var model = SyntheticOutcomeMonth.Model(size);
            if (hostile) model = Hostile(model);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            using (var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16))
                write(model, file);
            stopwatch.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var cpuMs = process.TotalProcessorTime.TotalMilliseconds;
            var mb = 1024.0 * 1024.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"workbook-peak ({writer}{(hostile ? ", hostile text" : "")}): {size.Sessions:N0} sessions, {size.Courses:N0} courses, {size.Assessments:N0} assessments, {size.Incidents:N0} incidents"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"writer={writer} elapsed_ms={stopwatch.ElapsedMilliseconds} process_cpu_ms={cpuMs:F0} file_mb={new FileInfo(path).Length / mb:F1} peak_working_set_mb={process.PeakWorkingSet64 / mb:F1} allocated_mb={allocated / mb:F0} gen2_collections={GC.CollectionCount(2)}"));
        }
        finally
        {
            if (keep is null) File.Delete(path);
        }
        return true;
    }

    /// <summary>OpenXmlValidator (Office 2019 rules) over every part; prints the count and the first errors.</summary>
    private static bool Validate(string path)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"validate {Path.GetFileName(path)}: {errors.Count} errors"));
        foreach (var e in errors.Take(10))
            Console.WriteLine($"  {e.Part?.Uri} {e.Path?.XPath}: {e.Description}");
        return errors.Count == 0;
    }

    /// <summary>Formula-like text in every 1,000th session and incident (invented values).</summary>
    private static OutcomeWorkbookModel Hostile(OutcomeWorkbookModel model) => model with
    {
        Sessions = model.Sessions.Select((r, i) => i % 1000 != 0 ? r : r with
        {
            Provider = "=HYPERLINK(\"http://example.invalid\",\"click\")",
            Service = "+1+2",
            AddOns = ["-3+4"],
        }),
        Incidents = model.Incidents.Select((r, i) => i % 1000 != 0 ? r : r with { Description = "@SUM(1,2)", FollowUp = "=1+1" }),
    };

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
