using ClinicAdmin.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static ClinicAdmin.Data.Configurations.FieldLengths;

namespace ClinicAdmin.Data.Configurations;

public class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.Property(x => x.Kind).HasMaxLength(Short);
        b.Property(x => x.RequestKey).HasMaxLength(Line);
        b.Property(x => x.Parameters).HasMaxLength(Text);
        b.Property(x => x.Title).HasMaxLength(Line);
        b.Property(x => x.RequestedBy).HasMaxLength(Line);
        b.Property(x => x.RequestedByUserId).HasMaxLength(450);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(Code);
        b.Property(x => x.ProgressText).HasMaxLength(Line);
        b.Property(x => x.Error).HasMaxLength(Text);
        b.Property(x => x.RunningOn).HasMaxLength(Line);
        // Exactly one run per request, however many clicks or instances: the database refuses a second.
        b.HasIndex(x => x.RequestKey).IsUnique();
        b.HasIndex(x => new { x.Status, x.CreatedAt });
        b.HasIndex(x => new { x.RequestedByUserId, x.CreatedAt });
        b.Ignore(x => x.IsFinished);
        b.Ignore(x => x.Percent);
    }
}
