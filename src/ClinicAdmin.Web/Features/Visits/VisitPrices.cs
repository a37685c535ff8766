using System.Globalization;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Web.PageKit;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Features.Visits;

/// <summary>
/// The visit form's price column and running total at the visit's date, as the charge rule will bill them
/// (<see cref="Visit.UnitPriceOn"/>): rendered with the page and answered as JSON when the date or the lines change,
/// so the script only shows what the server computed.
/// </summary>
public static class VisitPrices
{
    /// <summary>The services the form offers (active ones, those on the visit and those posted), each priced on <paramref name="day"/>.</summary>
    public static async Task<Dictionary<int, ServiceRow>> RowsAsync(ClinicDbContext db, DateOnly day, Visit? visit, DateOnly? pricedOn, IReadOnlyCollection<int> postedServiceIds)
    {
        var onVisit = visit?.ChargeLines.Select(l => l.ServiceId).ToList() ?? [];
        var posted = postedServiceIds.ToList();
        var services = await db.Services.AsNoTracking().Include(s => s.Prices)
            .Where(s => s.IsActive || onVisit.Contains(s.Id) || posted.Contains(s.Id)).ToListAsync();
        return services
            .OrderBy(s => s.IsAddOn).ThenBy(s => s.Category).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(s => s.Id, s =>
            {
                var price = (visit ?? new Visit()).UnitPriceOn(s, day, pricedOn);
                var kept = price is not null && pricedOn == day && visit?.ChargeLines.Any(l => l.ServiceId == s.Id) == true;
                var text = price is { } p ? RecordText.Money(p) + (kept ? " (as billed)" : "") : "no price on this date";
                return new ServiceRow(s.Id, s.Name, Domain.Catalog.BillingCode.Display(s.BillingCode, s.Modifiers), s.Category, s.IsAddOn, text, price, s.DefaultUnits);
            });
    }

    /// <summary>
    /// The total of the ticked lines at their shown prices (units as typed, else the service's default), formatted; lines
    /// without a price or with units the form will refuse are left out and said so.
    /// </summary>
    public static string Total(IReadOnlyDictionary<int, ServiceRow> rows, IEnumerable<(int ServiceId, decimal? Units)> ticked)
    {
        var sum = 0m;
        var left = 0;
        foreach (var (id, units) in ticked)
        {
            var u = units ?? (rows.TryGetValue(id, out var r) ? r.DefaultUnits : 0);
            if (rows.TryGetValue(id, out var row) && row.UnitPrice is { } price && u > 0 && u <= Visit.MaxUnits) sum += Money.LineTotal(price, u);
            else left++;
        }
        return RecordText.Money(sum) + (left == 0 ? "" : left == 1 ? " (1 line without a price left out)" : $" ({left} lines without a price left out)");
    }

    /// <summary>Lines as the script sends them: "serviceId" or "serviceId:units"; anything unreadable is skipped.</summary>
    public static List<(int ServiceId, decimal? Units)> ParseLines(IEnumerable<string> lines)
    {
        var parsed = new List<(int, decimal?)>();
        foreach (var line in lines)
        {
            var parts = line.Split(':', 2);
            if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)) continue;
            decimal? units = parts.Length == 2 && decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var u) ? u : null;
            parsed.Add((id, units));
        }
        return parsed;
    }

    /// <summary>
    /// What the Prices handler answers for a date: each service's price text by id and the total of the lines sent.
    /// Null (not found) without an existing visit or patient, as the form itself. A date that does not parse prices at today.
    /// </summary>
    public static async Task<object?> QuoteAsync(ClinicDbContext db, ClinicClock clock, int? visitId, int? patientId, DateTime? at, IEnumerable<string> lines)
    {
        var visit = visitId is { } id ? await db.Visits.AsNoTracking().Include(x => x.ChargeLines).SingleOrDefaultAsync(x => x.Id == id) : null;
        if (visitId is not null ? visit is null : patientId is not { } p || !await db.Patients.AnyAsync(x => x.Id == p)) return null;
        var ticked = ParseLines(lines.Take(200));
        var rows = await RowsAsync(db, at is { } d ? DateOnly.FromDateTime(d) : clock.Today, visit, visit is null ? null : clock.DateOf(visit.StartedAt),
            ticked.Select(t => t.ServiceId).ToList());
        return new { prices = rows.Values.ToDictionary(r => r.Id.ToString(CultureInfo.InvariantCulture), r => r.Price), total = Total(rows, ticked) };
    }
}
