using ClinicAdmin.Reports.Pdf;
using PdfSharp.Drawing;

namespace ClinicAdmin.Reports.Superbills;

/// <summary>Colours of the superbill.</summary>
public static class Palette
{
    public static readonly XColor Ink = XColor.FromArgb(0x1B, 0x22, 0x2C);
    public static readonly XColor Accent = XColor.FromArgb(0x1F, 0x3A, 0x5F);
    public static readonly XColor Muted = XColor.FromArgb(0x5F, 0x6B, 0x7A);
    public static readonly XColor OnAccentMuted = XColor.FromArgb(0xC3, 0xD0, 0xE0);
    public static readonly XColor Rule = XColor.FromArgb(0xC9, 0xD1, 0xDB);
    public static readonly XColor Panel = XColor.FromArgb(0xF2, 0xF5, 0xF8);
    public static readonly XColor Zebra = XColor.FromArgb(0xF7, 0xF9, 0xFB);
    public static readonly XColor Void = XColor.FromArgb(0xB4, 0x1C, 0x1C);
    public static readonly XColor VoidWatermark = XColor.FromArgb(46, 0xB4, 0x1C, 0x1C);
}

/// <summary>Every text style on the superbill, by role. Nothing else picks a font or a size.</summary>
public static class Typography
{
    private const string Sans = SystemFontResolver.Sans;
    private const string Condensed = SystemFontResolver.SansCondensed;

    /// <summary>"SUPERBILL".</summary>
    public static readonly TextStyle Title = new(Sans, 20, bold: true, color: Palette.Accent, lineSpacing: 1.15);
    /// <summary>The line under the title.</summary>
    public static readonly TextStyle Subtitle = new(Sans, 7.5, color: Palette.Muted);
    /// <summary>The clinic's name in the letterhead.</summary>
    public static readonly TextStyle ClinicName = new(Sans, 13, bold: true, color: Palette.Ink, lineSpacing: 1.3);
    /// <summary>Section titles ("PATIENT", "DIAGNOSES (21)").</summary>
    public static readonly TextStyle Heading = new(Sans, 8, bold: true, color: Palette.Accent);
    /// <summary>The small caption above a value.</summary>
    public static readonly TextStyle Label = new(Sans, 6.3, color: Palette.Muted, lineSpacing: 1.35);
    /// <summary>A field's value.</summary>
    public static readonly TextStyle Value = new(Sans, 8.5, color: Palette.Ink);
    /// <summary>A value that must stand out (patient name, document number).</summary>
    public static readonly TextStyle ValueStrong = new(Sans, 8.5, bold: true, color: Palette.Ink);
    /// <summary>Column titles of the services table.</summary>
    public static readonly TextStyle TableHeader = new(Condensed, 7, bold: true, color: XColors.White, lineSpacing: 1.2);
    /// <summary>The CMS-1500 box under a column title.</summary>
    public static readonly TextStyle TableHeaderBox = new(Condensed, 5.8, color: Palette.OnAccentMuted, lineSpacing: 1.2);
    /// <summary>Cells of the services, providers and diagnoses tables.</summary>
    public static readonly TextStyle TableCell = new(Condensed, 7.8, color: Palette.Ink, lineSpacing: 1.3);
    /// <summary>Codes in tables.</summary>
    public static readonly TextStyle TableCellStrong = new(Condensed, 7.8, bold: true, color: Palette.Ink, lineSpacing: 1.3);
    /// <summary>Totals labels.</summary>
    public static readonly TextStyle TotalLabel = new(Sans, 8, color: Palette.Ink, lineSpacing: 1.5);
    /// <summary>The balance label.</summary>
    public static readonly TextStyle TotalLabelStrong = new(Sans, 8, bold: true, color: Palette.Accent, lineSpacing: 1.5);
    /// <summary>Totals amounts.</summary>
    public static readonly TextStyle TotalValue = new(Sans, 8.5, color: Palette.Ink, lineSpacing: 1.5);
    /// <summary>The balance line.</summary>
    public static readonly TextStyle TotalStrong = new(Sans, 9.5, bold: true, color: Palette.Accent, lineSpacing: 1.5);
    /// <summary>Running text (the statement for the insurer).</summary>
    public static readonly TextStyle Body = new(Sans, 7.6, color: Palette.Ink, lineSpacing: 1.4);
    /// <summary>Footers, notes and captions.</summary>
    public static readonly TextStyle Small = new(Sans, 6.8, color: Palette.Muted, lineSpacing: 1.3);
    /// <summary>The document line of the footer on a voided superbill.</summary>
    public static readonly TextStyle SmallVoid = new(Sans, 6.8, bold: true, color: Palette.Void, lineSpacing: 1.3);
    /// <summary>An electronic signature written on the signature line.</summary>
    public static readonly TextStyle Signature = new(Sans, 9, italic: true, color: Palette.Accent);
    /// <summary>The red VOID banner on page 1.</summary>
    public static readonly TextStyle Banner = new(Sans, 9.5, bold: true, color: XColors.White, lineSpacing: 1.3);
    /// <summary>The diagonal VOID over every page of a voided superbill.</summary>
    public static readonly TextStyle Watermark = new(Sans, 150, bold: true, color: Palette.VoidWatermark, lineSpacing: 1);
}
