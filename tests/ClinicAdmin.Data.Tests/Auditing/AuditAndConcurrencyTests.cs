using System.Text.Json;
using ClinicAdmin.Data.Tests.Infrastructure;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Data.Tests.Auditing;

public abstract class AuditAndConcurrencyTests(DataFixture data) : DataTest(data)
{
    private static StaffMember Nurse() => new() { FirstName = "Ada", LastName = "Quill", Credentials = "RN", Title = "Infusion Nurse", StartDate = new DateOnly(2024, 1, 1) };

    [Fact]
    public async Task Creating_a_row_records_who_when_and_the_values_with_the_new_id()
    {
        Data.User.UserName = "carla@clinic";
        var id = await Data.InDbAsync(async db => { var s = Nurse(); db.Staff.Add(s); await db.SaveChangesAsync(); return s.Id; });
        var entry = await Data.InDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == "StaffMember"));
        entry.Action.ShouldBe("Created");
        entry.EntityId.ShouldBe(id.ToString());
        entry.UserName.ShouldBe("carla@clinic");
        entry.Before.ShouldBeNull();
        JsonDocument.Parse(entry.After!).RootElement.GetProperty("LastName").GetString().ShouldBe("Quill");
        entry.At.ShouldBe(DateTime.UtcNow, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Updating_records_only_the_changed_fields_before_and_after_and_never_the_stamp()
    {
        var id = await Data.InDbAsync(async db => { var s = Nurse(); db.Staff.Add(s); await db.SaveChangesAsync(); return s.Id; });
        await Data.InDbAsync(async db => { var s = await db.Staff.SingleAsync(x => x.Id == id); s.Title = "Charge Nurse"; return await db.SaveChangesAsync(); });
        var entry = await Data.InDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "Updated"));
        var before = JsonDocument.Parse(entry.Before!).RootElement;
        var after = JsonDocument.Parse(entry.After!).RootElement;
        before.GetProperty("Title").GetString().ShouldBe("Infusion Nurse");
        after.GetProperty("Title").GetString().ShouldBe("Charge Nurse");
        after.TryGetProperty("LastName", out _).ShouldBeFalse();
        after.TryGetProperty("ConcurrencyStamp", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Deleting_records_the_values_before()
    {
        var id = await Data.InDbAsync(async db => { var s = Nurse(); db.Staff.Add(s); await db.SaveChangesAsync(); return s.Id; });
        await Data.InDbAsync(async db => { db.Staff.Remove(await db.Staff.SingleAsync(x => x.Id == id)); return await db.SaveChangesAsync(); });
        var entry = await Data.InDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "Deleted"));
        JsonDocument.Parse(entry.Before!).RootElement.GetProperty("FirstName").GetString().ShouldBe("Ada");
        entry.After.ShouldBeNull();
    }

    [Fact]
    public async Task A_failed_save_leaves_neither_the_change_nor_an_audit_row()
    {
        await Data.InDbAsync(async db => { db.Staff.Add(new StaffMember { FirstName = "A", LastName = "B", Npi = "1234567893", StartDate = new(2024, 1, 1) }); return await db.SaveChangesAsync(); });
        var before = await Data.InDbAsync(db => db.AuditEntries.CountAsync());
        await Should.ThrowAsync<DbUpdateException>(() => Data.InDbAsync(async db =>
        {
            db.Staff.Add(new StaffMember { FirstName = "C", LastName = "D", Npi = "1234567893", StartDate = new(2024, 1, 1) }); // duplicate NPI
            return await db.SaveChangesAsync();
        }));
        (await Data.InDbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(before);
        (await Data.InDbAsync(db => db.Staff.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task A_save_based_on_a_stale_copy_is_refused()
    {
        var id = await Data.InDbAsync(async db => { var s = Nurse(); db.Staff.Add(s); await db.SaveChangesAsync(); return s.Id; });
        var stamp = await Data.InDbAsync(db => db.Staff.Where(x => x.Id == id).Select(x => x.ConcurrencyStamp).SingleAsync());
        // First manager saves.
        await Data.InDbAsync(async db => { var s = await db.Staff.SingleAsync(x => x.Id == id); s.Phone = "111"; return await db.SaveChangesAsync(); });
        // Second manager saves from the form they loaded before the first save.
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => Data.InDbAsync(async db =>
        {
            var s = await db.Staff.SingleAsync(x => x.Id == id);
            db.Entry(s).Property(x => x.ConcurrencyStamp).OriginalValue = stamp;
            s.Phone = "222";
            return await db.SaveChangesAsync();
        }));
        (await Data.InDbAsync(db => db.Staff.Where(x => x.Id == id).Select(x => x.Phone).SingleAsync())).ShouldBe("111");
    }

    [Fact]
    public async Task A_stale_copy_cannot_overwrite_a_change_made_only_to_an_owned_value()
    {
        var id = await Data.InDbAsync(async db =>
        {
            var s = new Domain.Clinic.ClinicSettings { Name = "Clinic" };
            db.ClinicSettings.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        var stamp = await Data.InDbAsync(db => db.ClinicSettings.Where(x => x.Id == id).Select(x => x.ConcurrencyStamp).SingleAsync());
        // First manager changes only the billing address (an owned value).
        await Data.InDbAsync(async db => { var s = await db.ClinicSettings.SingleAsync(x => x.Id == id); s.BillingAddress.City = "Madison"; return await db.SaveChangesAsync(); });
        (await Data.InDbAsync(db => db.ClinicSettings.Where(x => x.Id == id).Select(x => x.ConcurrencyStamp).SingleAsync())).ShouldNotBe(stamp);
        // Second manager saves an address change from the form loaded before.
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => Data.InDbAsync(async db =>
        {
            var s = await db.ClinicSettings.SingleAsync(x => x.Id == id);
            db.Entry(s).Property(x => x.ConcurrencyStamp).OriginalValue = stamp;
            s.BillingAddress.City = "Verona";
            return await db.SaveChangesAsync();
        }));
        (await Data.InDbAsync(db => db.ClinicSettings.Where(x => x.Id == id).Select(x => x.BillingAddress.City).SingleAsync())).ShouldBe("Madison");
    }

    [Fact]
    public async Task Money_keeps_its_cents_and_times_come_back_as_utc()
    {
        var at = new DateTime(2026, 3, 8, 8, 30, 0, DateTimeKind.Utc); // a US daylight-saving change day
        var serviceId = await Data.InDbAsync(async db =>
        {
            var s = new Service { Name = "Infusion", BillingCode = "96365", Category = ServiceCategory.Infusion };
            s.AddHistoricalPrice(399.99m, new DateOnly(2026, 1, 1), "t", null, at);
            db.Services.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        var price = await Data.InDbAsync(db => db.ServicePrices.SingleAsync(p => p.ServiceId == serviceId));
        price.Amount.ShouldBe(399.99m);
        price.SetAt.ShouldBe(at);
        price.SetAt.Kind.ShouldBe(DateTimeKind.Utc);
        var sum = await Data.InDbAsync(db => db.ServicePrices.SumAsync(p => p.Amount));
        sum.ShouldBe(399.99m);
    }

    [Fact]
    public async Task A_visit_submission_key_can_be_stored_only_once()
    {
        var key = Guid.NewGuid();
        await Data.InDbAsync(async db =>
        {
            var staff = Nurse(); db.Staff.Add(staff);
            var patient = new Domain.Patients.Patient { Mrn = "M1", FirstName = "P", LastName = "Q", DateOfBirth = new(1980, 1, 1) };
            db.Patients.Add(patient);
            var site = new Domain.Clinic.Location { Code = "MAIN", Name = "Main" };
            db.Locations.Add(site);
            await db.SaveChangesAsync();
            db.Visits.Add(new Visit { PatientId = patient.Id, LocationId = site.Id, RenderingProviderId = staff.Id, StartedAt = DateTime.UtcNow, SubmissionKey = key });
            return await db.SaveChangesAsync();
        });
        await Should.ThrowAsync<DbUpdateException>(() => Data.InDbAsync(async db =>
        {
            var v = await db.Visits.AsNoTracking().SingleAsync();
            db.Visits.Add(new Visit { PatientId = v.PatientId, LocationId = v.LocationId, RenderingProviderId = v.RenderingProviderId, StartedAt = DateTime.UtcNow, SubmissionKey = key });
            return await db.SaveChangesAsync();
        }));
    }
}

[Collection(SqliteDataCollection.Name), Trait("Database", "Sqlite")]
public sealed class AuditAndConcurrencyTests_Sqlite(SqliteData data) : AuditAndConcurrencyTests(data);

[Collection(PostgreSqlDataCollection.Name), Trait("Database", "PostgreSql")]
public sealed class AuditAndConcurrencyTests_PostgreSql(PostgreSqlData data) : AuditAndConcurrencyTests(data);

[Collection(SqlServerDataCollection.Name), Trait("Database", "SqlServer")]
public sealed class AuditAndConcurrencyTests_SqlServer(SqlServerData data) : AuditAndConcurrencyTests(data);
