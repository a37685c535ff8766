using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Scheduling;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static ClinicAdmin.Data.Configurations.FieldLengths;

namespace ClinicAdmin.Data.Configurations;

public class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> b)
    {
        b.ToTable("Resources", t => t.HasCheckConstraint("CK_Resources_Capacity", $"\"Capacity\" BETWEEN 1 AND {Resource.MaxCapacity}"));
        b.Property(x => x.Name).HasMaxLength(ResourceRules.MaxNameLength);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(Short);
        b.Property(x => x.Takes).HasMaxLength(Line);
        b.Ignore(x => x.TakenCategories);
        b.HasOne<Location>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
        // The page compares names case-insensitively; this catches two managers adding the same name at once.
        b.HasIndex(x => new { x.LocationId, x.Name }).IsUnique();
    }
}

/// <summary>
/// The no-overlap rule itself (a chair place, a provider and a patient each hold one appointment at a time) is not
/// expressible in EF's model: each provider's migration adds it in its own SQL (PostgreSQL exclusion constraints,
/// SQLite and SQL Server triggers). <see cref="AppointmentOverlap"/> reads the names they raise.
/// </summary>
public class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public const string Table = "Appointments";
    /// <summary>SQL Server's trigger; named in the model so EF does not use OUTPUT clauses on this table.</summary>
    public const string SqlServerTrigger = "TR_Appointments_NoOverlap";

    public void Configure(EntityTypeBuilder<Appointment> b)
    {
        b.ToTable(Table, t =>
        {
            t.HasTrigger(SqlServerTrigger);
            t.HasCheckConstraint("CK_Appointments_Times", "\"EndUtc\" > \"StartUtc\"");
        });
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(Short);
        b.Property(x => x.Note).HasMaxLength(Line);
        b.Property(x => x.BookedBy).HasMaxLength(Name);
        b.Property(x => x.CancelledBy).HasMaxLength(Name);
        b.Property(x => x.CancelReason).HasMaxLength(Appointment.MaxReasonLength);
        b.Ignore(x => x.NextStates);
        b.Ignore(x => x.IsOpen);
        b.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Catalog.Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Location>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Resource>().WithMany().HasForeignKey(x => x.ResourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Visit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.SetNull);
        // The day view (location, day), my day and the week view (provider, week), a patient's list.
        b.HasIndex(x => new { x.LocationId, x.StartUtc });
        b.HasIndex(x => new { x.ProviderId, x.StartUtc });
        b.HasIndex(x => new { x.PatientId, x.StartUtc });
        b.HasIndex(x => new { x.ResourceId, x.StartUtc });
        b.HasIndex(x => x.VisitId);
    }
}
