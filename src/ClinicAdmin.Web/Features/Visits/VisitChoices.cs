using ClinicAdmin.Domain.Common;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Web.PageKit;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Features.Visits;

/// <summary>A service on the visit form: its unit price on the visit's date (or the price already billed), shown as <paramref name="Price"/>.</summary>
public sealed record ServiceRow(int Id, string Name, string Code, ServiceCategory Category, bool IsAddOn, string Price, decimal? UnitPrice, decimal DefaultUnits);

/// <summary>What the visit form offers on a date: providers able to render, locations, the patient's courses, the priced catalog.</summary>
public sealed record VisitChoices(
    IReadOnlyList<(int Id, string Name)> Providers,
    IReadOnlyList<(int Id, string Label, string PlaceOfService)> Locations,
    IReadOnlyList<(int Id, string Label)> Courses,
    IReadOnlyDictionary<int, ServiceRow> Services)
{
    /// <param name="keepProviderId">The provider posted, kept in the list even when not available that day (the error says why).</param>
    /// <param name="pricedOn">The date the visit's lines were priced on (its saved date): they keep that price while the date stays.</param>
    /// <param name="postedServiceIds">Services on the posted form, kept even if deactivated since it was opened.</param>
    public static async Task<VisitChoices> LoadAsync(ClinicDbContext db, int patientId, DateOnly day, Visit? visit, DateOnly? pricedOn, int? keepProviderId,
                                                   IReadOnlyCollection<int> postedServiceIds)
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
        var rows = await VisitPrices.RowsAsync(db, day, visit, pricedOn, postedServiceIds);
        return new VisitChoices(providers, locations, courses, rows);
    }
}
