using ClinicAdmin.Domain.Common;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Web.PageKit;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Features.Visits;

/// <summary>A service on the visit form: its price on the visit's date, or the price already billed.</summary>
public sealed record ServiceRow(int Id, string Name, string Code, ServiceCategory Category, bool IsAddOn, string Price);

/// <summary>What the visit form offers on a date: providers able to render, locations, the patient's courses, the priced catalog.</summary>
public sealed record VisitChoices(
    IReadOnlyList<(int Id, string Name)> Providers,
    IReadOnlyList<(int Id, string Label, string PlaceOfService)> Locations,
    IReadOnlyList<(int Id, string Label)> Courses,
    IReadOnlyDictionary<int, ServiceRow> Services)
{
    /// <param name="keepProviderId">The provider posted, kept in the list even when not available that day (the error says why).</param>
    /// <param name="postedServiceIds">Services on the posted form, kept even if deactivated since it was opened.</param>
    public static async Task<VisitChoices> LoadAsync(ClinicDbContext db, int patientId, DateOnly day, Visit? visit, int? keepProviderId, IReadOnlyCollection<int> postedServiceIds)
    {
        var staff = await db.Staff.AsNoTracking().Where(s => s.IsRenderingProvider).OrderBy(s => s.LastName).ThenBy(s => s.FirstName).ToListAsync();
        var providers = staff.Where(s => ProviderSchedule.RenderingProblem(s, day) is null || s.Id == keepProviderId || s.Id == visit?.RenderingProviderId)
            .Select(s => (s.Id, s.DisplayName + (ProviderSchedule.RenderingProblem(s, day) is null ? "" : " (not available on this date)"))).ToList();
        var keep = visit?.LocationId;
        var locations = (await db.Locations.AsNoTracking().Where(l => l.IsActive || l.Id == keep).OrderBy(l => l.Code)
                .Select(l => new { l.Id, l.Code, l.Name, l.IsActive, l.DefaultPlaceOfService }).ToListAsync())
            .Select(l => (l.Id, $"{l.Code} · {l.Name}{(l.IsActive ? "" : " (inactive)")}", l.DefaultPlaceOfService)).ToList();
        var courses = (await db.Courses.AsNoTracking().Where(c => c.PatientId == patientId).OrderByDescending(c => c.StartDate).ToListAsync())
            .Select(c => (c.Id, $"{Vocabulary.Label(c.Indication)} · from {RecordText.Date(c.StartDate)} · {Vocabulary.Label(c.Status)} · {c.PlannedSessions} planned")).ToList();
        var onVisit = visit?.ChargeLines.Select(l => l.ServiceId).ToList() ?? [];
        var posted = postedServiceIds.ToList();
        var services = await db.Services.AsNoTracking().Include(s => s.Prices)
            .Where(s => s.IsActive || onVisit.Contains(s.Id) || posted.Contains(s.Id)).ToListAsync();
        var rows = services
            .OrderBy(s => s.IsAddOn).ThenBy(s => s.Category).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(s => s.Id, s =>
            {
                var kept = visit?.ChargeLines.FirstOrDefault(l => l.ServiceId == s.Id);
                var price = kept is not null ? $"{RecordText.Money(kept.UnitPrice)} (as billed)"
                    : s.PriceOn(day) is { } pr ? RecordText.Money(pr.Amount) : "no price on this date";
                return new ServiceRow(s.Id, s.Name, BillingCode.Display(s.BillingCode, s.Modifiers), s.Category, s.IsAddOn, price);
            });
        return new VisitChoices(providers, locations, courses, rows);
    }
}
