using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ClinicAdmin.Reports.Pdf;

/// <summary>
/// A named text style: family, size, weight, colour and line height. The PDFsharp font and brush
/// are created on first use (after <see cref="PdfSetup"/>) and then shared by every document.
/// </summary>
public sealed class TextStyle
{
    private XFont? _font;
    private XBrush? _brush;

    public TextStyle(string family, double size, bool bold = false, bool italic = false, XColor? color = null, double lineSpacing = 1.25)
    {
        Family = family;
        Size = size;
        Bold = bold;
        Italic = italic;
        Color = color ?? XColors.Black;
        LineSpacing = lineSpacing;
    }

    public string Family { get; }
    public double Size { get; }
    public bool Bold { get; }
    public bool Italic { get; }
    public XColor Color { get; }
    public double LineSpacing { get; }

    /// <summary>Distance from one line's top to the next line's top, in points.</summary>
    public double LineHeight => Size * LineSpacing;

    public XFont Font => _font ??= CreateFont();

    public XBrush Brush => _brush ??= new XSolidBrush(Color);

    public TextStyle WithColor(XColor color) => new(Family, Size, Bold, Italic, color, LineSpacing);

    public TextStyle WithSize(double size) => new(Family, size, Bold, Italic, Color, LineSpacing);

    private XFont CreateFont()
    {
        PdfSetup.EnsureInitialized();
        var style = (Bold, Italic) switch
        {
            (true, true) => XFontStyleEx.BoldItalic,
            (true, false) => XFontStyleEx.Bold,
            (false, true) => XFontStyleEx.Italic,
            _ => XFontStyleEx.Regular,
        };
        // Unicode encoding: any name a patient has is drawn and can be copied/extracted back out.
        return new XFont(Family, Size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));
    }
}
