using ClinicAdmin.Reports.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Reports.Tests.Superbills;

[Trait("Category", "Unit")]
public sealed class PdfOutputTests
{
    [Fact]
    public void Saved_documents_have_complete_zlib_streams_that_qpdf_accepts_without_warnings()
    {
        var plain = PlainPdfsharpBytes(out _);
        PlainPdfsharpBytes(out var document, save: false);
        var fixedBytes = PdfOutput.Save(document);

        // Still needed with PDFsharp 6.2.4: when this fails, PDFsharp writes complete streams and PdfOutput can go.
        PdfReadBack.QpdfCheck(plain).Output.ShouldContain("input stream is complete but output may still be valid");

        var (exitCode, output) = PdfReadBack.QpdfCheck(fixedBytes);
        exitCode.ShouldBe(0, output);
        output.ShouldNotContain("WARNING");
        fixedBytes.Length.ShouldBeGreaterThan(plain.Length);     // four trailer bytes per stream
        PdfReadBack.Text(fixedBytes).ShouldContain("Zoë Ñúñez-O'Brien line 39");
    }

    [Fact]
    public void Completing_streams_twice_changes_nothing_and_foreign_bytes_are_left_alone()
    {
        var once = PdfOutput.AddMissingZlibTrailers(PlainPdfsharpBytes(out _));

        PdfOutput.AddMissingZlibTrailers(once).ShouldBe(once);
        byte[] notAPdf = [1, 2, 3, 4, 5];
        PdfOutput.AddMissingZlibTrailers(notAPdf).ShouldBeSameAs(notAPdf);
    }

    private static byte[] PlainPdfsharpBytes(out PdfDocument document, bool save = true)
    {
        PdfSetup.EnsureInitialized();
        document = new PdfDocument();
        var page = document.AddPage();
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var font = new XFont(SystemFontResolver.Sans, 10, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
            for (var i = 0; i < 40; i++) gfx.DrawString($"Zoë Ñúñez-O'Brien line {i}", font, XBrushes.Black, 50, 50 + i * 14);
        }
        if (!save) return [];
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }
}
