using ClinicAdmin.Reports.Pdf;
using PdfSharp.Drawing;

namespace ClinicAdmin.Reports.Superbills;

/// <summary>One form field: a small caption above its value; <see cref="Span"/> columns wide.</summary>
public sealed record LabelValue(string Label, string? Value, int Span = 1, bool Strong = false);

/// <summary>Label/value helpers: fields laid out in a grid, measured first so that boxes side by side can share a height.</summary>
public static class LabelValueGrid
{
    public const string Empty = "—";
    private const double ColumnGap = 10;
    private const double RowGap = 5;

    /// <summary>Height of one field; draws it when <paramref name="draw"/> is true.</summary>
    public static double Field(XGraphics gfx, LabelValue field, double x, double top, double width, bool draw = true)
    {
        var style = field.Strong ? Typography.ValueStrong : Typography.Value;
        var lines = PdfText.Wrap(gfx, string.IsNullOrWhiteSpace(field.Value) ? Empty : field.Value, style, width);
        if (draw)
        {
            PdfText.Draw(gfx, Caps(field.Label), Typography.Label, x, top, width);
            PdfText.DrawLines(gfx, lines, style, x, top + Typography.Label.LineHeight, width);
        }
        return Typography.Label.LineHeight + PdfText.Height(lines.Count, style);
    }

    /// <summary>Upper case for captions, except CMS-1500 box references in parentheses ("Group NPI (33a)" → "GROUP NPI (33a)").</summary>
    public static string Caps(string label)
    {
        var chars = label.ToCharArray();
        var depth = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] == '(') depth++;
            else if (chars[i] == ')') depth = Math.Max(0, depth - 1);
            else if (depth == 0) chars[i] = char.ToUpperInvariant(chars[i]);
        }
        return new string(chars);
    }

    /// <summary>Rows of fields in <paramref name="columns"/> equal columns; returns the height used.</summary>
    public static double Rows(XGraphics gfx, IReadOnlyList<IReadOnlyList<LabelValue>> rows, int columns, double x, double top, double width, bool draw = true)
    {
        var columnWidth = (width - ColumnGap * (columns - 1)) / columns;
        var y = top;
        for (var r = 0; r < rows.Count; r++)
        {
            var column = 0;
            var rowHeight = 0d;
            foreach (var field in rows[r])
            {
                var span = Math.Clamp(field.Span, 1, columns - column);
                var fieldWidth = columnWidth * span + ColumnGap * (span - 1);
                var left = x + column * (columnWidth + ColumnGap);
                rowHeight = Math.Max(rowHeight, Field(gfx, field, left, y, fieldWidth, draw));
                column += span;
            }
            y += rowHeight + (r < rows.Count - 1 ? RowGap : 0);
        }
        return y - top;
    }
}
