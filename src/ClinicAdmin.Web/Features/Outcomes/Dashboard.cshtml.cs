using System.Globalization;
using ClinicAdmin.Reports.Workbooks;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Features.Outcomes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Outcomes;

/// <summary>
/// The outcomes dashboard: a month's Summary figures and the 12-month trend, from <see cref="OutcomeFigures"/> — the same
/// code as the workbook, so the two cannot disagree. Charts are server-rendered SVG (no script, no inline style: CSP).
/// </summary>
[Authorize(Policy = Policies.MedicalDirector)]
public class DashboardModel(OutcomeFigures figures, DashboardFigures dashboard, ClinicTime clinicTime, Data.ClinicDbContext db) : PageModel
{
    /// <summary>A location's id, or empty for the whole group.</summary>
    [BindProperty(SupportsGet = true)] public int? Location { get; set; }
    public IReadOnlyList<(int Id, string Label)> Locations { get; private set; } = [];
    public string ScopeLabel { get; private set; } = "All locations";
    /// <summary>"yyyy-MM"; the previous month when empty or unreadable.</summary>
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    public ReportMonth Shown { get; private set; } = null!;
    public MonthSummary Summary { get; private set; } = null!;
    public MonthSummary? Previous { get; private set; }
    public IReadOnlyList<TrendRow> Trend { get; private set; } = [];
    public TrendChart RateChart { get; private set; } = null!;
    public TrendChart IncidentChart { get; private set; } = null!;
    public OutcomeDefinitions Definitions => OutcomeDefinitions.Standard;

    public async Task<IActionResult> OnGetAsync()
    {
        var clock = await clinicTime.ClockAsync();
        var lastMonth = clock.Today.AddMonths(-1);
        var chosen = DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year >= 2000 && d <= clock.Today
            ? d : new DateOnly(lastMonth.Year, lastMonth.Month, 1);
        Month = chosen.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Shown = await figures.MonthAsync(chosen.Year, chosen.Month);
        Locations = (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.Locations.OrderByDescending(l => l.IsActive).ThenBy(l => l.Code).Select(l => new { l.Id, l.Code, l.Name })))
            .Select(l => (l.Id, $"{l.Code} · {l.Name}")).ToList();
        if (Location is { } lid && Locations.All(l => l.Id != lid)) Location = null; // an unknown id shows the group, never an error
        ScopeLabel = Location is { } chosenId ? Locations.First(l => l.Id == chosenId).Label : "All locations";
        var data = await dashboard.GetAsync(Shown, Location);
        (Summary, Previous, Trend) = (data.Summary, data.Previous, data.Trend);
        var labels = Trend.Select(t => t.Label).ToList();
        RateChart = TrendChart.Build(labels, 1m, "percent",
            ("Response", "series-response", Trend.Select(t => t.Response.Rate).ToList()),
            ("Remission", "series-remission", Trend.Select(t => t.Remission.Rate).ToList()));
        var incidentRates = Trend.Select(t => t.IncidentRatePer100).ToList();
        var max = Math.Max(5m, Math.Ceiling((incidentRates.Max() ?? 0m) / 5m) * 5m);
        IncidentChart = TrendChart.Build(labels, max, "number", ("Incidents per 100 sessions", "series-incidents", incidentRates));
        return Page();
    }

    public static string Rate(Proportion p) => p.Rate is { } r ? r.ToString("P1", CultureInfo.InvariantCulture) + $" ({p.Count}/{p.Total})" : $"— (0/{p.Total})";
    public static string Change(ScoreChange c) => c.Mean is { } m ? m.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + $" (n={c.Courses})" : "—";
    public static string Per100(decimal? rate) => rate is { } r ? r.ToString("0.0", CultureInfo.InvariantCulture) : "—";
}

/// <summary>A line chart as SVG coordinates (invariant culture); null values break the line.</summary>
public sealed record TrendChart(int Width, int Height, int Left, int Top, int PlotWidth, int PlotHeight,
                                IReadOnlyList<TrendChart.Tick> YTicks, IReadOnlyList<TrendChart.Tick> XTicks, IReadOnlyList<TrendChart.Series> Lines)
{
    public sealed record Tick(string X, string Y, string Label);
    public sealed record Point(string X, string Y, string Title);
    public sealed record Series(string Name, string CssClass, IReadOnlyList<string> Segments, IReadOnlyList<Point> Points);

    /// <summary>"2026-12" as "Dec '26" on the axis: a month that cannot be read as a day of a month ("26-12" could), the same in every date style.</summary>
    public static string AxisMonth(string yearMonth) =>
        DateOnly.TryParseExact(yearMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("MMM", CultureInfo.InvariantCulture) + " '" + d.ToString("yy", CultureInfo.InvariantCulture) : yearMonth;

    private static string F(decimal v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);

    public static TrendChart Build(IReadOnlyList<string> labels, decimal max, string format, params (string Name, string Css, IReadOnlyList<decimal?> Values)[] series)
    {
        const int width = 640, height = 240, left = 48, top = 12, right = 16, bottom = 40;
        var pw = width - left - right; var ph = height - top - bottom;
        decimal X(int i) => left + (labels.Count <= 1 ? pw / 2m : pw * (decimal)i / (labels.Count - 1));
        decimal Y(decimal v) => top + ph * (1 - Math.Clamp(v / max, 0, 1));
        string Show(decimal v) => format == "percent" ? v.ToString("P0", CultureInfo.InvariantCulture) : v.ToString("0.#", CultureInfo.InvariantCulture);
        var yTicks = Enumerable.Range(0, 5).Select(k => max * k / 4).Select(v => new Tick(F(left), F(Y(v)), Show(v))).ToList();
        var xTicks = labels.Select((l, i) => new Tick(F(X(i)), F(top + ph + 16), AxisMonth(l))).ToList();
        var lines = series.Select(s =>
        {
            var segments = new List<string>();
            var current = new List<string>();
            var points = new List<Point>();
            for (var i = 0; i < s.Values.Count; i++)
            {
                if (s.Values[i] is { } v)
                {
                    current.Add($"{F(X(i))},{F(Y(v))}");
                    points.Add(new Point(F(X(i)), F(Y(v)), $"{s.Name} {labels[i]}: {Show(v)}"));
                }
                else if (current.Count > 0) { segments.Add(string.Join(' ', current)); current = []; }
            }
            if (current.Count > 0) segments.Add(string.Join(' ', current));
            return new Series(s.Name, s.Css, segments, points);
        }).ToList();
        return new TrendChart(width, height, left, top, pw, ph, yTicks, xTicks, lines);
    }
}
