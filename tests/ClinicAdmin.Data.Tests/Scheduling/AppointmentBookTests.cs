using ClinicAdmin.Data.Scheduling;
using ClinicAdmin.Data.Tests.Infrastructure;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Scheduling;
using ClinicAdmin.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Data.Tests.Scheduling;

/// <summary>
/// The no-double-booking rule on a real database: the booking service's answers, the database refusing overlaps that
/// bypass it, and the same booking fired at once from many threads and from two app instances.
/// </summary>
public abstract class AppointmentBookTests(DataFixture data) : DataTest(data)
{
    // A week ahead at 15:00 UTC, so "in the past" never applies whatever day the suite runs.
    private static readonly DateTime Slot = DateTime.UtcNow.Date.AddDays(7).AddHours(15);

    private sealed record Clinic(int Location, int Chair, int Room, int Infusion, int Consult, int[] Providers, int[] Patients);

    private async Task<Clinic> SeedAsync(int providers = 2, int patients = 2, int roomCapacity = 2)
    {
        return await Data.InDbAsync(async db =>
        {
            var location = new Location { Code = "MAD", Name = "Madison", ServiceFacilityAddress = new() { Line1 = "1 Main St", City = "Madison", State = "WI", PostalCode = "53703" } };
            db.Locations.Add(location);
            var infusion = new Service { Name = "IV ketamine infusion", Category = ServiceCategory.Infusion, BillingCode = "96365", DefaultDurationMinutes = 50, MonitoringMinutes = 40 };
            var consult = new Service { Name = "Follow-up visit", Category = ServiceCategory.ConsultationEvaluation, BillingCode = "99214", DefaultDurationMinutes = 25 };
            db.Services.AddRange(infusion, consult);
            // Valid NPIs (CMS check digit) so every provider may render.
            var staff = Enumerable.Range(0, providers).Select(i => new StaffMember
            {
                FirstName = $"P{i}", LastName = "Provider", Credentials = "MD", IsRenderingProvider = true, Npi = ValidNpi(i), StartDate = new DateOnly(2024, 1, 1),
            }).ToList();
            db.Staff.AddRange(staff);
            var people = Enumerable.Range(0, patients).Select(i => new Patient { Mrn = $"MRN-{i:000000}", FirstName = $"Pat{i}", LastName = "Ient", DateOfBirth = new DateOnly(1980, 1, 1) }).ToList();
            db.Patients.AddRange(people);
            await db.SaveChangesAsync();
            var chair = new Resource { LocationId = location.Id, Name = "Chair 1", Kind = ResourceKind.InfusionChair };
            chair.SetTakes(Resource.UsualTakes(ResourceKind.InfusionChair));
            var room = new Resource { LocationId = location.Id, Name = "Recovery room", Kind = ResourceKind.InfusionChair, Capacity = roomCapacity };
            room.SetTakes([ServiceCategory.Infusion]);
            db.Resources.AddRange(chair, room);
            await db.SaveChangesAsync();
            return new Clinic(location.Id, chair.Id, room.Id, infusion.Id, consult.Id, staff.Select(s => s.Id).ToArray(), people.Select(p => p.Id).ToArray());
        });
    }

    private Task<BookingResult> BookAsync(IServiceProvider services, BookingRequest r) => Task.Run(async () =>
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppointmentBook>().BookAsync(r);
    });

    private Task<BookingResult> BookAsync(BookingRequest r) => BookAsync(Data.Services, r);

    [Fact]
    public async Task A_booking_holds_the_service_minutes_plus_monitoring_and_back_to_back_slots_fit()
    {
        var c = await SeedAsync();

        var first = await BookAsync(new(c.Patients[0], c.Infusion, c.Providers[0], c.Location, c.Chair, Slot));
        var next = await BookAsync(new(c.Patients[1], c.Infusion, c.Providers[1], c.Location, c.Chair, Slot.AddMinutes(90)));

        first.Problems.ShouldBeEmpty();
        first.Appointment!.EndUtc.ShouldBe(Slot.AddMinutes(50 + 40));
        (first.Appointment.Place, first.Appointment.Status, first.Appointment.HoldsTime).ShouldBe((1, AppointmentStatus.Booked, true));
        next.Booked.ShouldBeTrue();
        (await Data.InDbAsync(db => db.Appointments.CountAsync())).ShouldBe(2);
    }

    [Fact]
    public async Task An_overlapping_booking_names_what_holds_the_time_and_stores_nothing()
    {
        var c = await SeedAsync(providers: 3, patients: 3);
        (await BookAsync(new(c.Patients[0], c.Infusion, c.Providers[0], c.Location, c.Chair, Slot))).Booked.ShouldBeTrue();

        var chair = await BookAsync(new(c.Patients[1], c.Infusion, c.Providers[1], c.Location, c.Chair, Slot.AddMinutes(30)));
        var provider = await BookAsync(new(c.Patients[1], c.Consult, c.Providers[0], c.Location, null, Slot.AddMinutes(60)));
        var patient = await BookAsync(new(c.Patients[0], c.Consult, c.Providers[2], c.Location, null, Slot.AddMinutes(89)));

        (chair.Clash, provider.Clash, patient.Clash).ShouldBe((BookingClash.Chair, BookingClash.Provider, BookingClash.Patient));
        chair.Problems.ShouldHaveSingleItem().ShouldBe(("ResourceId", AppointmentRules.ClashMessage(BookingClash.Chair)));
        (await Data.InDbAsync(db => db.Appointments.CountAsync())).ShouldBe(1);
    }

    [Theory]
    [InlineData(BookingClash.Chair)]
    [InlineData(BookingClash.Provider)]
    [InlineData(BookingClash.Patient)]
    public async Task The_database_itself_refuses_an_overlap_written_around_the_booking_service(BookingClash clash)
    {
        var c = await SeedAsync(providers: 2, patients: 2);
        await Data.InDbAsync(async db => { db.Appointments.Add(Raw(c, 0, 0, c.Chair)); return await db.SaveChangesAsync(); });
        var second = clash switch
        {
            BookingClash.Chair => Raw(c, 1, 1, c.Chair),
            BookingClash.Provider => Raw(c, 1, 0, null),
            _ => Raw(c, 0, 1, null),
        };

        var e = await Should.ThrowAsync<DbUpdateException>(() => Data.InDbAsync(async db => { db.Appointments.Add(second); return await db.SaveChangesAsync(); }));

        AppointmentOverlap.Classify(e).ShouldBe(clash);
        (await Data.InDbAsync(db => db.Appointments.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task Cancelling_frees_the_time_and_moving_onto_a_held_time_is_refused_by_the_database()
    {
        var c = await SeedAsync();
        var a = (await BookAsync(new(c.Patients[0], c.Infusion, c.Providers[0], c.Location, c.Chair, Slot))).Appointment!;
        var later = (await BookAsync(new(c.Patients[1], c.Infusion, c.Providers[1], c.Location, c.Chair, Slot.AddHours(3)))).Appointment!;

        // Moving the later one onto the first one's time: the update trigger / constraint refuses it.
        var move = await Should.ThrowAsync<DbUpdateException>(() => Data.InDbAsync(async db =>
        {
            var x = await db.Appointments.SingleAsync(y => y.Id == later.Id);
            (x.StartUtc, x.EndUtc) = (Slot.AddMinutes(10), Slot.AddMinutes(100));
            return await db.SaveChangesAsync();
        }));
        AppointmentOverlap.Classify(move).ShouldBe(BookingClash.Chair);

        await Data.InDbAsync(async db =>
        {
            var x = await db.Appointments.SingleAsync(y => y.Id == a.Id);
            x.Cancel("Patient unwell", "frontdesk@clinic", Slot.AddDays(-3));
            return await db.SaveChangesAsync();
        });
        var rebooked = await BookAsync(new(c.Patients[1], c.Infusion, c.Providers[1], c.Location, c.Chair, Slot));

        rebooked.Booked.ShouldBeTrue();
        var cancelled = await Data.InDbAsync(db => db.Appointments.SingleAsync(y => y.Id == a.Id));
        (cancelled.Status, cancelled.HoldsTime, cancelled.CancelReason, cancelled.LateCancellation).ShouldBe((AppointmentStatus.Cancelled, false, "Patient unwell", false));
    }

    [Fact]
    public async Task The_same_chair_booked_at_once_from_eight_threads_and_two_instances_is_booked_exactly_once()
    {
        const int attempts = 8;
        var c = await SeedAsync(providers: attempts, patients: attempts);
        await using var second = Data.NewInstance();

        // Different patients and providers, same chair and time: only the chair can clash. Half from each instance.
        var results = await Task.WhenAll(Enumerable.Range(0, attempts).Select(i =>
            BookAsync(i % 2 == 0 ? Data.Services : second, new(c.Patients[i], c.Infusion, c.Providers[i], c.Location, c.Chair, Slot.AddMinutes(i)))));

        results.Count(r => r.Booked).ShouldBe(1);
        results.Where(r => !r.Booked).Select(Describe).ShouldAllBe(d => d == "Chair");
        (await Data.InDbAsync(db => db.Appointments.CountAsync(a => a.ResourceId == c.Chair))).ShouldBe(1);
    }

    [Fact]
    public async Task A_room_for_two_takes_exactly_two_of_six_racing_bookings_in_different_places()
    {
        const int attempts = 6;
        var c = await SeedAsync(providers: attempts, patients: attempts, roomCapacity: 2);
        await using var second = Data.NewInstance();

        var results = await Task.WhenAll(Enumerable.Range(0, attempts).Select(i =>
            BookAsync(i % 2 == 0 ? Data.Services : second, new(c.Patients[i], c.Infusion, c.Providers[i], c.Location, c.Room, Slot))));

        results.Count(r => r.Booked).ShouldBe(2);
        results.Where(r => r.Booked).Select(r => r.Appointment!.Place).Order().ShouldBe([1, 2]);
        results.Where(r => !r.Booked).Select(Describe).ShouldAllBe(d => d == "Chair");
    }

    [Fact]
    public async Task The_same_provider_booked_at_once_in_two_chairs_is_booked_exactly_once()
    {
        const int attempts = 6;
        var c = await SeedAsync(providers: 1, patients: attempts, roomCapacity: Resource.MaxCapacity);
        await using var second = Data.NewInstance();

        var results = await Task.WhenAll(Enumerable.Range(0, attempts).Select(i =>
            BookAsync(i % 2 == 0 ? Data.Services : second, new(c.Patients[i], c.Infusion, c.Providers[0], c.Location, i % 3 == 0 ? c.Chair : c.Room, Slot))));

        results.Count(r => r.Booked).ShouldBe(1);
        results.Where(r => !r.Booked).Select(Describe).ShouldAllBe(d => d == "Provider" || d == "Chair");
        (await Data.InDbAsync(db => db.Appointments.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task A_chair_service_without_a_chair_a_room_that_does_not_take_it_and_a_past_time_are_all_reported_at_once()
    {
        var c = await SeedAsync();
        var spravato = await Data.InDbAsync(async db =>
        {
            var s = new Service { Name = "Spravato session", Category = ServiceCategory.Spravato, BillingCode = "G2082", DefaultDurationMinutes = 120 };
            db.Services.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });

        var noChair = await BookAsync(new(c.Patients[0], c.Infusion, c.Providers[0], c.Location, null, Slot));
        var wrongRoomAndPast = await BookAsync(new(c.Patients[0], spravato, c.Providers[0], c.Location, c.Chair, DateTime.UtcNow.AddDays(-1)));

        noChair.Problems.ShouldHaveSingleItem().Field.ShouldBe("ResourceId");
        wrongRoomAndPast.Problems.Select(p => p.Field).Order().ShouldBe(["ResourceId", "Start"]);
        wrongRoomAndPast.Problems.Single(p => p.Field == "ResourceId").Message.ShouldBe("Chair 1 does not take Spravato (esketamine) services.");
        (await Data.InDbAsync(db => db.Appointments.CountAsync())).ShouldBe(0);
    }

    /// <summary>The clash, or the problems when there is none, so a failure says what came back.</summary>
    private static string Describe(BookingResult r) => r.Clash?.ToString() ?? string.Join("; ", r.Problems.Select(p => $"{p.Field}: {p.Message}"));

    private static string ValidNpi(int i)
    {
        var nine = (123456700 + i).ToString();
        return nine + Npi.CheckDigit(nine);
    }

    private static Appointment Raw(Clinic c, int patient, int provider, int? resource) => new()
    {
        PatientId = c.Patients[patient], ServiceId = c.Infusion, ProviderId = c.Providers[provider], LocationId = c.Location, ResourceId = resource,
        Place = resource is null ? 0 : 1, StartUtc = Slot.AddMinutes(patient * 5 + provider * 7), EndUtc = Slot.AddMinutes(90), BookedBy = "test", BookedAt = DateTime.UtcNow,
    };
}

[Collection(SqliteDataCollection.Name), Trait("Database", "Sqlite")]
public sealed class AppointmentBookTests_Sqlite(SqliteData data) : AppointmentBookTests(data);

[Collection(PostgreSqlDataCollection.Name), Trait("Database", "PostgreSql")]
public sealed class AppointmentBookTests_PostgreSql(PostgreSqlData data) : AppointmentBookTests(data);

[Collection(SqlServerDataCollection.Name), Trait("Database", "SqlServer")]
public sealed class AppointmentBookTests_SqlServer(SqlServerData data) : AppointmentBookTests(data);
