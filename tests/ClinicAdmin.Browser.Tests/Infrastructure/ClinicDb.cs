using ClinicAdmin.Data;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Browser.Tests.Infrastructure;

/// <summary>
/// The database the app processes share, read and seeded directly by a test (the app itself migrated it). Seeds a clinic
/// whose superbills can be issued: settings, one rendering provider, an infusion price and patients with one paid visit
/// each in a given month.
/// </summary>
public sealed class ClinicDb(DatabaseProvider provider, string connectionString)
{
    public DatabaseProvider Provider { get; } = provider;
    public string ConnectionString { get; } = connectionString;

    public ClinicDbContext Open()
    {
        var options = new DbContextOptionsBuilder<ClinicDbContext>();
        DataModule.Configure(options, Provider, Provider == DatabaseProvider.Sqlite ? ConnectionString + ";Pooling=False" : ConnectionString);
        return new ClinicDbContext(options.Options);
    }

    public async Task<T> QueryAsync<T>(Func<ClinicDbContext, Task<T>> query)
    {
        await using var db = Open();
        return await query(db);
    }

    /// <summary>The first day of a month far enough back to be billable whatever today's date.</summary>
    public static DateOnly PastMonth(int monthsAgo = 2)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return new DateOnly(today.Year, today.Month, 1).AddMonths(-monthsAgo);
    }

    /// <summary>Completes the settings row, adds a provider and an infusion, and <paramref name="patients"/> patients each
    /// with one paid visit on the 10th of <paramref name="month"/>. Returns the patient ids and their visit ids.</summary>
    public async Task<IReadOnlyDictionary<int, int>> SeedBillableMonthAsync(DateOnly month, int patients)
    {
        await using var db = Open();
        var settings = await db.ClinicSettings.SingleAsync();
        settings.Name = "Multi Instance Ketamine Clinic";
        settings.Phone = "(555) 010-2000";
        settings.TaxId = "12-3456789";
        settings.GroupNpi = "1234567893";
        settings.TimeZoneId = "America/Chicago";
        settings.BillingAddress = new Address { Line1 = "1 Test Street", City = "Springfield", State = "IL", PostalCode = "62701" };
        var site = await db.Locations.OrderBy(l => l.Id).FirstAsync();
        site.ServiceFacilityAddress = new Address { Line1 = "1 Test Street", City = "Springfield", State = "IL", PostalCode = "62701" };
        var provider = new StaffMember
        {
            FirstName = "Nora", LastName = "Provider", Credentials = "MSN, PMHNP-BC", Title = "Psychiatric Nurse Practitioner",
            Npi = "1234567893", IsRenderingProvider = true, StartDate = month.AddYears(-2),
        };
        var infusion = new Service { Name = "IV ketamine infusion (mood disorders)", Category = ServiceCategory.Infusion, BillingCode = "96365" };
        infusion.AddHistoricalPrice(399m, month.AddYears(-1), "seed", "Opening price list", DateTime.UtcNow);
        db.AddRange(provider, infusion);
        var day = month.AddDays(9);
        var list = Enumerable.Range(1, patients).Select(i => new Patient
        {
            Mrn = $"MRN-{i:000000}", FirstName = "Pat", LastName = $"Number{i}", DateOfBirth = new DateOnly(1980, 2, 3),
            Phone = "(555) 010-1234", InsurancePayer = "Aetna", InsuranceMemberId = $"W{i:000000000}",
            Address = new Address { Line1 = "12 Elm Street", City = "Springfield", State = "IL", PostalCode = "62701" },
            Diagnoses = [new PatientDiagnosis { Code = "F33.2", Description = "Major depressive disorder, recurrent, severe", IsPrimary = true }],
            Courses = [new TreatmentCourse
            {
                Indication = Indication.TreatmentResistantDepression, PlannedSessions = 6, StartDate = day, Status = CourseStatus.Active,
                Diagnoses = [new CourseDiagnosis { Position = 0, Code = "F33.2", Description = "Major depressive disorder, recurrent, severe" }],
            }],
        }).ToList();
        db.Patients.AddRange(list);
        await db.SaveChangesAsync();

        var at = day.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc); // 10:00 or 11:00 in Chicago
        var visits = new List<Visit>();
        foreach (var p in list)
        {
            var visit = new Visit { PatientId = p.Id, TreatmentCourseId = p.Courses[0].Id, LocationId = site.Id, RenderingProviderId = provider.Id, StartedAt = at, DischargedAt = at.AddHours(2), Route = Route.IV, DoseMg = 40m, WeightKg = 80m };
            visit.Charge(infusion, day);
            db.Visits.Add(visit);
            visits.Add(visit);
        }
        await db.SaveChangesAsync();
        foreach (var v in visits)
            db.Payments.Add(new Payment { PatientId = v.PatientId, VisitId = v.Id, Amount = 399m, Method = PaymentMethod.Card, ReceivedAt = at.AddHours(3), RecordedBy = "seed" });
        await db.SaveChangesAsync();
        return visits.ToDictionary(v => v.PatientId, v => v.Id);
    }

    /// <summary>Every stored document of a kind: its request key, version and number.</summary>
    public Task<List<(string RequestKey, int Version, string Number, int? PatientId)>> DocumentsAsync(DocumentKind kind) =>
        QueryAsync(async db => (await db.Documents.AsNoTracking().Where(d => d.Kind == kind).OrderBy(d => d.Id)
            .Select(d => new { d.RequestKey, d.Version, d.DocumentNumber, d.PatientId }).ToListAsync())
            .Select(d => (d.RequestKey, d.Version, d.DocumentNumber, d.PatientId)).ToList());
}
