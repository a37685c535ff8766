using ClinicAdmin.Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static ClinicAdmin.Data.Configurations.FieldLengths;

namespace ClinicAdmin.Data.Configurations;

public class PatientLinkConfiguration : IEntityTypeConfiguration<PatientLink>
{
    public void Configure(EntityTypeBuilder<PatientLink> b)
    {
        b.ToTable("PatientLinks");
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Property(x => x.CreatedBy).HasMaxLength(Line);
        // Lookup by hash only; unique so two links can never share a token.
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => x.DocumentId);
        b.HasOne<GeneratedDocument>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}
