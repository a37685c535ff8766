using PdfSharp.Drawing;

namespace ClinicAdmin.Reports.Pdf;

public enum TextAlign { Left, Center, Right }

/// <summary>Measuring, wrapping and drawing plain text in boxes (PDFsharp only draws single lines).</summary>
public static class PdfText
{
    public static double Width(XGraphics gfx, string text, TextStyle style) =>
        text.Length == 0 ? 0 : gfx.MeasureString(text, style.Font).Width;

    /// <summary>Breaks text into lines no wider than <paramref name="width"/>; explicit newlines are kept, over-long words are split.</summary>
    public static IReadOnlyList<string> Wrap(XGraphics gfx, string? text, TextStyle style, double width)
    {
        var lines = new List<string>();
        if (string.IsNullOrEmpty(text)) return lines;
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (Width(gfx, paragraph, style) <= width) { lines.Add(paragraph); continue; }
            var current = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (Width(gfx, candidate, style) <= width) { current = candidate; continue; }
                if (current.Length > 0) lines.Add(current);
                current = word;
                while (current.Length > 1 && Width(gfx, current, style) > width)
                {
                    var take = current.Length - 1;
                    while (take > 1 && Width(gfx, current[..take], style) > width) take--;
                    lines.Add(current[..take]);
                    current = current[take..];
                }
            }
            if (current.Length > 0) lines.Add(current);
        }
        return lines;
    }

    /// <summary>Shortens text with an ellipsis so that it fits on one line.</summary>
    public static string Fit(XGraphics gfx, string text, TextStyle style, double width)
    {
        if (Width(gfx, text, style) <= width) return text;
        var take = text.Length;
        while (take > 0 && Width(gfx, text[..take] + "…", style) > width) take--;
        return text[..take] + "…";
    }

    /// <summary>Height taken by <paramref name="lineCount"/> lines of a style.</summary>
    public static double Height(int lineCount, TextStyle style) => lineCount * style.LineHeight;

    public static void Draw(XGraphics gfx, string text, TextStyle style, double x, double top, double width, TextAlign align = TextAlign.Left)
    {
        if (text.Length == 0) return;
        var left = align switch
        {
            TextAlign.Right => x + width - Width(gfx, text, style),
            TextAlign.Center => x + (width - Width(gfx, text, style)) / 2,
            _ => x,
        };
        // Leading split evenly above and below the glyph box so stacked lines look centred in their slot.
        var offset = (style.LineHeight - style.Font.GetHeight()) / 2;
        gfx.DrawString(text, style.Font, style.Brush, left, top + offset, XStringFormats.TopLeft);
    }

    /// <summary>Draws lines one under the other and returns the height used.</summary>
    public static double DrawLines(XGraphics gfx, IReadOnlyList<string> lines, TextStyle style, double x, double top, double width, TextAlign align = TextAlign.Left)
    {
        for (var i = 0; i < lines.Count; i++) Draw(gfx, lines[i], style, x, top + i * style.LineHeight, width, align);
        return Height(lines.Count, style);
    }

    /// <summary>Wraps and draws; returns the height used.</summary>
    public static double DrawWrapped(XGraphics gfx, string? text, TextStyle style, double x, double top, double width, TextAlign align = TextAlign.Left) =>
        DrawLines(gfx, Wrap(gfx, text, style, width), style, x, top, width, align);
}
