using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Tests.Features.Pricing;

/// <summary>Catalog test data on a fixed clinic day: 15 June 2026, noon in Chicago (the fixture's clinic zone).</summary>
internal static class CatalogData
{
    public static readonly DateTimeOffset Noon = new(2026, 6, 15, 17, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 6, 15);
    public static readonly DateOnly OpeningDate = new(2025, 1, 1);

    /// <summary>Freezes the clock at <see cref="Noon"/>.</summary>
    public static void FreezeClock(ClinicApp app) => app.Clock.Set(Noon);

    public static Service Infusion(decimal price = 399m) => Item("IV ketamine infusion (mood disorders)", ServiceCategory.Infusion, "96365", price, minutes: 50);

    public static Service Item(string name, ServiceCategory category, string code, decimal price, string? modifiers = null, int? minutes = null, bool active = true)
    {
        var s = new Service { Name = name, Category = category, BillingCode = code, Modifiers = modifiers, DefaultDurationMinutes = minutes, IsActive = active };
        s.AddHistoricalPrice(price, OpeningDate, "seed", "Opening price list", Noon.UtcDateTime.AddMonths(-18));
        return s;
    }

    public static async Task<Service> AddAsync(ClinicApp app, Service service)
    {
        await app.InsertAsync(service);
        return service;
    }

    public static Task<Service> LoadAsync(ClinicApp app, int id) =>
        app.InDbAsync(db => db.Services.AsNoTracking().Include(s => s.Prices).SingleAsync(s => s.Id == id));

    /// <summary>A billed visit on <paramref name="date"/>, priced by the domain from the service's history.</summary>
    public static async Task<Visit> AddVisitAsync(ClinicApp app, Service service, DateOnly date)
    {
        var patient = new Patient { Mrn = "MRN-000101", FirstName = "Ada", LastName = "Testpatient", DateOfBirth = new DateOnly(1980, 2, 3) };
        var provider = new StaffMember { FirstName = "Nora", LastName = "Provider", Credentials = "MSN, PMHNP-BC", Title = "Nurse Practitioner",
            Npi = "1234567893", IsRenderingProvider = true, StartDate = new DateOnly(2024, 1, 1) };
        await app.InsertAsync(patient, provider);
        var visit = new Visit
        {
            PatientId = patient.Id, LocationId = app.MainLocationId, RenderingProviderId = provider.Id, Route = Route.IV,
            StartedAt = date.ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc),
        };
        var fresh = await LoadAsync(app, service.Id);
        visit.Charge(fresh, date);
        await app.InsertAsync(visit);
        return visit;
    }
}
