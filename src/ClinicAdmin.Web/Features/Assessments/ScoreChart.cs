using System.Globalization;
using ClinicAdmin.Domain.Assessments;

namespace ClinicAdmin.Web.Features.Assessments;

/// <summary>One score on a chart or in a table (time in clinic local time).</summary>
public sealed record ScorePoint(int Id, DateTime TakenAtLocal, int Total, string Band, int? Session, bool SafetyFlag);

/// <summary>
/// Coordinates for a server-drawn SVG line chart of one instrument's scores over time, with the severity bands shaded.
/// Drawn on the server so the page needs no script (the CSP forbids inline script and style).
/// </summary>
public sealed class ScoreChart
{
    public const double Width = 640, Height = 220, Left = 40, Right = 16, Top = 12, Bottom = 36;
    private const double PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;

    public sealed record Dot(double X, double Y, ScorePoint Point);
    public sealed record Band(double Y, double H, string Label, string Css, double LabelY);
    public sealed record Tick(double At, string Label);

    public required Instrument Instrument { get; init; }
    public required int Max { get; init; }
    public required IReadOnlyList<Dot> Dots { get; init; }
    public required IReadOnlyList<Band> Bands { get; init; }
    public required IReadOnlyList<Tick> XTicks { get; init; }
    public required IReadOnlyList<Tick> YTicks { get; init; }

    public string Name => Scoring.Name(Instrument);
    public string Polyline => string.Join(" ", Dots.Select(d => $"{F(d.X)},{F(d.Y)}"));
    public static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
    public static double PlotLeft => Left;
    public static double PlotRight => Width - Right;
    public static double PlotTop => Top;
    public static double PlotBottom => Height - Bottom;

    public static ScoreChart For(Instrument instrument, IReadOnlyList<ScorePoint> points)
    {
        var max = Scoring.MaxTotal(instrument);
        var ordered = points.OrderBy(p => p.TakenAtLocal).ToList();
        double Y(double total) => Top + PlotHeight * (1 - total / max);
        var first = ordered.Count > 0 ? ordered[0].TakenAtLocal : DateTime.MinValue;
        var span = ordered.Count > 1 ? (ordered[^1].TakenAtLocal - first).TotalMinutes : 0;
        double X(DateTime t) => span <= 0 ? Left + PlotWidth / 2 : Left + PlotWidth * ((t - first).TotalMinutes / span);

        var dots = ordered.Select(p => new Dot(X(p.TakenAtLocal), Y(p.Total), p)).ToList();

        var bands = Instruments.BandRanges(instrument).Select(r =>
        {
            // A band covers its totals from just below From to just above To (half a point each side), clipped to the plot.
            var top = Y(Math.Min(max, r.To + 0.5));
            var bottom = Y(Math.Max(0, r.From - 0.5));
            return new Band(top, bottom - top, r.Band, Instruments.BandClass(instrument, r.From), (top + bottom) / 2 + 4);
        }).ToList();

        var yTicks = Instruments.BandRanges(instrument).Select(r => r.From).Append(max).Distinct()
            .Select(v => new Tick(Y(v), v.ToString(CultureInfo.InvariantCulture))).ToList();

        List<Tick> xTicks;
        var days = ordered.Select(p => p.TakenAtLocal.Date).Distinct().ToList();
        // Day ticks are whole dates in the clinic's style: a short "12/07" would read as a different day in another style.
        static string Label(DateTime d) => PageKit.RecordText.Date(d);
        if (days.Count <= 6) xTicks = days.Select(d => new Tick(X(ordered.First(p => p.TakenAtLocal.Date == d).TakenAtLocal), Label(d))).ToList();
        else
            xTicks = Enumerable.Range(0, 5).Select(k => first.AddMinutes(span * k / 4))
                .Select(t => new Tick(X(t), Label(t))).ToList();

        return new ScoreChart { Instrument = instrument, Max = max, Dots = dots, Bands = bands, XTicks = xTicks, YTicks = yTicks };
    }
}
