using ClinicAdmin.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static ClinicAdmin.Data.Configurations.FieldLengths;

namespace ClinicAdmin.Data.Configurations;

public class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> b)
    {
        b.Property(x => x.Name).HasMaxLength(Line);
        b.Property(x => x.Description).HasMaxLength(Text);
        b.Property(x => x.BillingCode).HasMaxLength(Code);
        b.Property(x => x.Modifiers).HasMaxLength(Code);
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(Short);
        b.Property(x => x.DefaultUnits).HasPrecision(8, 2);
        // A code+modifier combination names one catalog item (add-ons without their own code share J3490 etc., so not code alone).
        b.HasIndex(x => new { x.BillingCode, x.Modifiers, x.Name }).IsUnique();
        b.HasMany(x => x.Prices).WithOne().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Prices).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(x => x.IsAddOn);
    }
}

public class ServicePriceConfiguration : IEntityTypeConfiguration<ServicePrice>
{
    public void Configure(EntityTypeBuilder<ServicePrice> b)
    {
        b.Property(x => x.SetBy).HasMaxLength(Line);
        b.Property(x => x.CancelledBy).HasMaxLength(Line);
        b.Property(x => x.Reason).HasMaxLength(Line);
        b.HasIndex(x => new { x.ServiceId, x.EffectiveFrom });
    }
}
