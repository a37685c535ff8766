using System.Diagnostics;

namespace ClinicAdmin.Reports.Tests.Superbills;

/// <summary>Reads generated PDFs back with independent tools (poppler's pdftotext/pdfinfo/pdftoppm, qpdf).</summary>
public static class PdfReadBack
{
    /// <summary>The text of every page, in layout mode; pages are separated by form feeds in pdftotext output.</summary>
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        var text = Run("/usr/bin/pdftotext", pdf, "-layout -enc UTF-8 {0} -").Output;
        var pages = text.Split('\f').ToList();
        if (pages.Count > 0 && string.IsNullOrWhiteSpace(pages[^1])) pages.RemoveAt(pages.Count - 1);
        return pages;
    }

    public static string Text(byte[] pdf) => string.Join("\f", Pages(pdf));

    /// <summary>The text of page <paramref name="page"/> (1-based) alone, read with <c>pdftotext -f N -l N</c>.</summary>
    public static string Page(byte[] pdf, int page) => Run("/usr/bin/pdftotext", pdf, $"-layout -enc UTF-8 -f {page} -l {page} {{0}} -").Output;

    public static int PageCount(byte[] pdf) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(Info(pdf), @"Pages:\s+(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The text in drawing order with all whitespace collapsed to single spaces: for phrases that wrap over lines.</summary>
    public static string FlatText(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Replace(Run("/usr/bin/pdftotext", pdf, "-raw -enc UTF-8 {0} -").Output, @"\s+", " ");

    public static (int ExitCode, string Output) QpdfCheck(byte[] pdf) => Run("/usr/bin/qpdf", pdf, "--check {0}");

    public static string Info(byte[] pdf) => Run("/usr/bin/pdfinfo", pdf, "{0}").Output;

    /// <summary>Renders page 1 to a PNG (for looking at the layout) and returns its path.</summary>
    public static string RenderFirstPage(byte[] pdf, string outputPrefix, int dpi = 60) => RenderPage(pdf, 1, outputPrefix, dpi);

    /// <summary>Renders one page (1-based) to a PNG and returns its path.</summary>
    public static string RenderPage(byte[] pdf, int page, string outputPrefix, int dpi = 60)
    {
        Run("/usr/bin/pdftoppm", pdf, $"-png -r {dpi} -f {page} -l {page} -singlefile {{0}} {outputPrefix}");
        return outputPrefix + ".png";
    }

    private static (int ExitCode, string Output) Run(string tool, byte[] pdf, string argumentsTemplate)
    {
        var file = Path.Combine(Path.GetTempPath(), $"superbill-test-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool, string.Format(argumentsTemplate, file))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
