using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Domain.Auditing;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Data.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static ClinicAdmin.Data.Configurations.FieldLengths;

namespace ClinicAdmin.Data.Configurations;

public class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> b)
    {
        b.Property(x => x.Instrument).HasConversion<string>().HasMaxLength(Short);
        b.Property(x => x.Items).HasMaxLength(Line);
        b.HasIndex(x => new { x.PatientId, x.Instrument, x.TakenAt });
        b.HasIndex(x => new { x.TreatmentCourseId, x.Instrument, x.TakenAt });
        b.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TreatmentCourse>().WithMany().HasForeignKey(x => x.TreatmentCourseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Visit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.ItemScores);
        b.Ignore(x => x.Band);
    }
}

public class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> b)
    {
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(Short);
        b.Property(x => x.Route).HasConversion<string>().HasMaxLength(Short);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(Short);
        b.Property(x => x.Serious).HasConversion<int>();
        b.Property(x => x.Drug).HasMaxLength(Name);
        b.Property(x => x.DoseMg).HasPrecision(8, 2);
        b.Property(x => x.LotNumber).HasMaxLength(Short);
        b.Property(x => x.Description).HasMaxLength(Text);
        b.Property(x => x.ActionTaken).HasMaxLength(Text);
        b.Property(x => x.RescueMedication).HasMaxLength(Line);
        b.Property(x => x.RescueDose).HasMaxLength(Short);
        b.Property(x => x.FollowUp).HasMaxLength(Text);
        b.Property(x => x.ReportedBy).HasMaxLength(Line);
        b.Property(x => x.ReviewedBy).HasMaxLength(Line);
        b.Property(x => x.ReviewNotes).HasMaxLength(Text);
        b.OwnsOne(x => x.Vitals, VitalsMapping.Map);
        b.HasIndex(x => x.OccurredAt);
        b.HasIndex(x => new { x.PatientId, x.OccurredAt });
        b.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Visit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Addenda).WithOne().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.IsSerious);
        b.Ignore(x => x.NeedsReview);
        b.Ignore(x => x.IsLocked);
    }
}

public class IncidentAddendumConfiguration : IEntityTypeConfiguration<IncidentAddendum>
{
    public void Configure(EntityTypeBuilder<IncidentAddendum> b)
    {
        b.Property(x => x.Text).HasMaxLength(Text);
        b.Property(x => x.Author).HasMaxLength(Line);
    }
}

public class GeneratedDocumentConfiguration : IEntityTypeConfiguration<GeneratedDocument>
{
    public void Configure(EntityTypeBuilder<GeneratedDocument> b)
    {
        b.ToTable("Documents");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(Short);
        b.Property(x => x.RequestKey).HasMaxLength(Line);
        b.Property(x => x.DocumentNumber).HasMaxLength(Short);
        b.Property(x => x.FileName).HasMaxLength(Line);
        b.Property(x => x.ContentType).HasMaxLength(Name);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.CreatedBy).HasMaxLength(Line);
        b.Property(x => x.VoidedBy).HasMaxLength(Line);
        // Exactly one document per request and version, however many instances or clicks.
        b.HasIndex(x => new { x.RequestKey, x.Version }).IsUnique();
        b.HasIndex(x => x.DocumentNumber).IsUnique();
        b.HasIndex(x => new { x.PatientId, x.CreatedAt });
        b.HasIndex(x => new { x.Kind, x.PeriodStart, x.LocationId });
        b.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Clinic.Location>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.UserName).HasMaxLength(Line);
        b.Property(x => x.EntityType).HasMaxLength(Name);
        b.Property(x => x.EntityId).HasMaxLength(Name);
        b.Property(x => x.Action).HasMaxLength(Code);
        // Before/After are unbounded JSON (no max length).
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.EntityType, x.EntityId });
        b.HasIndex(x => x.UserName);
    }
}

public class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> b)
    {
        b.ToTable("AccessLog");
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.UserName).HasMaxLength(Line);
        b.Property(x => x.Page).HasMaxLength(Name);
        b.Property(x => x.Action).HasMaxLength(Code);
        b.Property(x => x.SearchKind).HasMaxLength(Code);
        // The per-patient report reads one patient's rows newest first. No foreign key: the log outlives any record.
        b.HasIndex(x => new { x.PatientId, x.At });
        b.HasIndex(x => x.At);
    }
}

public class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> b) => b.Property(x => x.DisplayName).HasMaxLength(Line);
}

/// <summary>
/// The library's key entity on the table our own key store created (same name, columns and types), so keys written
/// before the switch are read as they are. The library leaves both strings nullable; it never writes null, and keeping
/// NOT NULL means no migration.
/// </summary>
public class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.ToTable("DataProtectionKeys");
        b.Property(x => x.FriendlyName).IsRequired().HasMaxLength(Line);
        b.Property(x => x.Xml).IsRequired();
    }
}
