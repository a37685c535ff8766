using ClinicAdmin.Web.Features.Outcomes;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Features.Outcomes;

[Trait("Category", "Unit")]
public sealed class TrendChartTests
{
    [Fact]
    public void Month_ticks_read_as_months_not_as_days()
    {
        var chart = TrendChart.Build(["2025-12", "2026-01", "2026-02"], 1m, "percent", ("Response", "series-response", [0.5m, null, 0.25m]));
        chart.XTicks.Select(t => t.Label).ShouldBe(["Dec '25", "Jan '26", "Feb '26"]);
        // The point titles keep the full month for screen readers and hover.
        chart.Lines[0].Points.Select(p => p.Title).ShouldBe(["Response 2025-12: 50 %", "Response 2026-02: 25 %"]);
    }
}
