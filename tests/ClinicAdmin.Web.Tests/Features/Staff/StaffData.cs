using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Tests.Features.Staff;

/// <summary>Roster test data on a fixed clinic day: Monday 15 June 2026, noon in Chicago (the fixture's clinic zone).</summary>
internal static class StaffData
{
    public static readonly DateTimeOffset Noon = new(2026, 6, 15, 17, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 6, 15);
    public const string CmsExampleNpi = "1234567893";
    /// <summary>Another valid NPI (check digit worked out with the CMS rule).</summary>
    public const string OtherNpi = "1000000004";
    public const string ThirdNpi = "1999999992";

    public static void FreezeClock(ClinicApp app) => app.Clock.Set(Noon);

    public static StaffMember NursePractitioner(string first = "Dana", string last = "Whitcombe", string? npi = CmsExampleNpi) => new()
    {
        FirstName = first, LastName = last, Credentials = "MSN, PMHNP-BC", Title = "Psychiatric Nurse Practitioner",
        Email = $"{first}.{last}@clinic.example".ToLowerInvariant(), Phone = "(608) 555-0101",
        Npi = npi, LicenseNumber = "APRN-77123", LicenseState = "WI", LicenseExpiresOn = Today.AddYears(1),
        BoardCertifications = "ANCC PMHNP-BC", IsRenderingProvider = true, StartDate = new DateOnly(2023, 1, 9),
        Bio = "Evaluations and infusions.",
    };

    public static StaffMember OfficeManager(string first = "Rowan", string last = "Pell") => new()
    {
        FirstName = first, LastName = last, Title = "Office Manager", Email = $"{first}.{last}@clinic.example".ToLowerInvariant(),
        StartDate = new DateOnly(2022, 3, 1),
    };

    public static StaffMember Nurse(string first = "Jenna", string last = "Okafor") => new()
    {
        FirstName = first, LastName = last, Credentials = "RN", Title = "Infusion Nurse", LicenseNumber = "RN-55231", LicenseState = "WI",
        LicenseExpiresOn = Today.AddYears(2), StartDate = new DateOnly(2024, 5, 1),
    };

    public static async Task<StaffMember> AddAsync(ClinicApp app, StaffMember s)
    {
        await app.InsertAsync(s);
        return s;
    }

    public static Task<StaffMember> LoadAsync(ClinicApp app, int id) =>
        app.InDbAsync(db => db.Staff.AsNoTracking().Include(s => s.Availability).SingleAsync(s => s.Id == id));

    public static Task ClearAuditAsync(ClinicApp app) => app.InDbAsync(db => db.AuditEntries.ExecuteDeleteAsync());

    /// <summary>A visit rendered by the staff member: from then on they can never be deleted.</summary>
    public static async Task AddVisitAsync(ClinicApp app, int staffId)
    {
        var patient = new Patient { Mrn = $"MRN-{Random.Shared.Next(100000, 999999)}", FirstName = "Ada", LastName = "Testpatient", DateOfBirth = new DateOnly(1980, 2, 3) };
        await app.InsertAsync(patient);
        await app.InsertAsync(new Visit { PatientId = patient.Id, LocationId = app.MainLocationId, RenderingProviderId = staffId, Route = Route.IV, StartedAt = Noon.UtcDateTime.AddDays(-7) });
    }

    /// <summary>A complete new-person form as the practice manager would fill it in.</summary>
    public static Dictionary<string, string?> NewPersonForm(Action<Dictionary<string, string?>>? change = null)
    {
        var form = new Dictionary<string, string?>
        {
            ["Input.FirstName"] = "Priya", ["Input.LastName"] = "Raman", ["Input.Credentials"] = "MSN, PMHNP-BC",
            ["Input.Title"] = "Psychiatric Nurse Practitioner", ["Input.Email"] = "priya.raman@clinic.example", ["Input.Phone"] = "(608) 555-0142",
            ["Input.Npi"] = CmsExampleNpi, ["Input.LicenseNumber"] = "APRN-30211", ["Input.LicenseState"] = "WI",
            ["Input.LicenseExpiresOn"] = "2027-09-30", ["Input.BoardCertifications"] = "ANCC PMHNP-BC", ["Input.IsRenderingProvider"] = "true",
            ["Input.StartDate"] = "2026-07-01", ["Input.EndDate"] = "", ["Input.Bio"] = "Evaluations, infusions and medication management.",
        };
        change?.Invoke(form);
        return form;
    }
}
