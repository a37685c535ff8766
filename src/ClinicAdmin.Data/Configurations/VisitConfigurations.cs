using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static ClinicAdmin.Data.Configurations.FieldLengths;

namespace ClinicAdmin.Data.Configurations;

internal static class VitalsMapping
{
    public static void Map<T>(OwnedNavigationBuilder<T, VitalSigns> v) where T : class => v.Ignore(x => x.IsEmpty);
}

public class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.Property(x => x.PlaceOfService).HasMaxLength(4);
        b.Property(x => x.Route).HasConversion<string>().HasMaxLength(Short);
        b.Property(x => x.DoseMg).HasPrecision(8, 2);
        b.Property(x => x.WeightKg).HasPrecision(5, 1);
        b.Property(x => x.Notes).HasMaxLength(Text);
        b.OwnsOne(x => x.VitalsBefore, VitalsMapping.Map);
        b.OwnsOne(x => x.VitalsAt40Min, VitalsMapping.Map);
        b.OwnsOne(x => x.VitalsAtDischarge, VitalsMapping.Map);
        b.HasIndex(x => x.SubmissionKey).IsUnique();
        b.HasIndex(x => new { x.PatientId, x.StartedAt });
        b.HasIndex(x => x.StartedAt);
        b.HasIndex(x => new { x.RenderingProviderId, x.StartedAt });
        // Reports per location filter a month of one site.
        b.HasIndex(x => new { x.LocationId, x.StartedAt });
        b.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TreatmentCourse>().WithMany().HasForeignKey(x => x.TreatmentCourseId).OnDelete(DeleteBehavior.Restrict);
        // Restrict: someone who has rendered a visit is deactivated, never deleted.
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.RenderingProviderId).OnDelete(DeleteBehavior.Restrict);
        // Restrict: a location with visits is deactivated, never deleted.
        b.HasOne<Domain.Clinic.Location>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.ChargeLines).WithOne().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.DoseMgPerKg);
        b.Ignore(x => x.TotalCharge);
    }
}

public class ChargeLineConfiguration : IEntityTypeConfiguration<ChargeLine>
{
    public void Configure(EntityTypeBuilder<ChargeLine> b)
    {
        b.Property(x => x.Code).HasMaxLength(Code);
        b.Property(x => x.Modifiers).HasMaxLength(Code);
        b.Property(x => x.Description).HasMaxLength(Line);
        b.Property(x => x.DiagnosisPointers).HasMaxLength(Code);
        b.Property(x => x.Detail).HasMaxLength(Line);
        b.Property(x => x.Units).HasPrecision(8, 2);
        b.HasOne<Domain.Catalog.Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.Property(x => x.Method).HasConversion<string>().HasMaxLength(Short);
        b.Property(x => x.Reference).HasMaxLength(Line);
        b.Property(x => x.RecordedBy).HasMaxLength(Line);
        b.HasIndex(x => new { x.PatientId, x.ReceivedAt });
        b.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Visit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
    }
}
