using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static ClinicAdmin.Data.Configurations.FieldLengths;

namespace ClinicAdmin.Data.Configurations;

internal static class AddressMapping
{
    public static void Map<T>(OwnedNavigationBuilder<T, Address> a) where T : class
    {
        a.Property(x => x.Line1).HasMaxLength(Line);
        a.Property(x => x.Line2).HasMaxLength(Line);
        a.Property(x => x.City).HasMaxLength(Name);
        a.Property(x => x.State).HasMaxLength(Short);
        a.Property(x => x.PostalCode).HasMaxLength(Code);
    }
}

public class ClinicSettingsConfiguration : IEntityTypeConfiguration<ClinicSettings>
{
    public void Configure(EntityTypeBuilder<ClinicSettings> b)
    {
        b.Property(x => x.Name).HasMaxLength(Line);
        b.OwnsOne(x => x.BillingAddress, AddressMapping.Map);
        b.Property(x => x.Phone).HasMaxLength(Short);
        b.Property(x => x.TaxId).HasMaxLength(Code);
        b.Property(x => x.GroupNpi).HasMaxLength(Code);
        b.Property(x => x.TimeZoneId).HasMaxLength(Name);
        b.Property(x => x.SuperbillFooter).HasMaxLength(Text);
        // Stored by name like the other enums; existing rows get the US style (set in the migration).
        b.Property(x => x.DateStyle).HasConversion<string>().HasMaxLength(Short);
        // Columns of the settings row; existing rows get the usual holding parameters (set in the migration).
        b.OwnsOne(x => x.VitalLimits);
        b.Navigation(x => x.VitalLimits).IsRequired();
    }
}

public class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> b)
    {
        b.ToTable("Locations");
        b.Property(x => x.Code).HasMaxLength(Location.MaxCodeLength);
        b.Property(x => x.Name).HasMaxLength(Line);
        b.OwnsOne(x => x.ServiceFacilityAddress, AddressMapping.Map);
        b.Property(x => x.Phone).HasMaxLength(Short);
        b.Property(x => x.FacilityNpi).HasMaxLength(10);
        b.Property(x => x.DefaultPlaceOfService).HasMaxLength(4);
        // The rules compare case-insensitively; these catch a race between two managers adding the same code.
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.Name).IsUnique();
    }
}

public class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> b)
    {
        b.ToTable("StaffMembers");
        b.Property(x => x.FirstName).HasMaxLength(Name);
        b.Property(x => x.LastName).HasMaxLength(Name);
        b.Property(x => x.Credentials).HasMaxLength(Name);
        b.Property(x => x.Title).HasMaxLength(Name);
        b.Property(x => x.Email).HasMaxLength(Line);
        b.Property(x => x.Phone).HasMaxLength(Short);
        b.Property(x => x.Npi).HasMaxLength(10);
        b.Property(x => x.LicenseNumber).HasMaxLength(Short);
        b.Property(x => x.LicenseState).HasMaxLength(2);
        b.Property(x => x.BoardCertifications).HasMaxLength(Line);
        b.Property(x => x.Bio).HasMaxLength(Text);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasIndex(x => x.Npi).IsUnique();
        b.HasIndex(x => x.UserId).IsUnique();
        b.HasIndex(x => new { x.LastName, x.FirstName });
        b.Ignore(x => x.DisplayName);
        b.HasMany(x => x.Availability).WithOne().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Identity.ApplicationUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

public class WeeklyAvailabilityConfiguration : IEntityTypeConfiguration<WeeklyAvailability>
{
    public void Configure(EntityTypeBuilder<WeeklyAvailability> b) => b.HasIndex(x => new { x.StaffMemberId, x.Day });
}
