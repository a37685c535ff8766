using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static ClinicAdmin.Data.Configurations.FieldLengths;

namespace ClinicAdmin.Data.Configurations;

public class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> b)
    {
        b.Property(x => x.Mrn).HasMaxLength(Code);
        b.Property(x => x.FirstName).HasMaxLength(Name);
        b.Property(x => x.LastName).HasMaxLength(Name);
        b.Property(x => x.Sex).HasMaxLength(Short);
        b.Property(x => x.Email).HasMaxLength(Line);
        b.Property(x => x.Phone).HasMaxLength(Short);
        b.Property(x => x.InsurancePayer).HasMaxLength(Line);
        b.Property(x => x.InsuranceMemberId).HasMaxLength(Short);
        b.Property(x => x.WeightKg).HasPrecision(5, 1);
        b.OwnsOne(x => x.Address, AddressMapping.Map);
        b.HasIndex(x => x.Mrn).IsUnique();
        // Search by name and by date of birth must stay fast at 100,000 patients.
        b.HasIndex(x => new { x.LastName, x.FirstName });
        b.HasIndex(x => x.DateOfBirth);
        b.Ignore(x => x.FullName);
        b.HasMany(x => x.Diagnoses).WithOne().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Courses).WithOne().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class PatientDiagnosisConfiguration : IEntityTypeConfiguration<PatientDiagnosis>
{
    public void Configure(EntityTypeBuilder<PatientDiagnosis> b)
    {
        b.Property(x => x.Code).HasMaxLength(Code);
        b.Property(x => x.Description).HasMaxLength(Line);
        b.HasIndex(x => new { x.PatientId, x.Code }).IsUnique();
    }
}

public class TreatmentCourseConfiguration : IEntityTypeConfiguration<TreatmentCourse>
{
    public void Configure(EntityTypeBuilder<TreatmentCourse> b)
    {
        b.ToTable("TreatmentCourses");
        b.Property(x => x.Indication).HasConversion<string>().HasMaxLength(Short);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(Short);
        b.Property(x => x.Notes).HasMaxLength(Text);
        b.HasIndex(x => new { x.PatientId, x.StartDate });
        b.HasMany(x => x.Diagnoses).WithOne().HasForeignKey(x => x.TreatmentCourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.SupervisingProviderId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class CourseDiagnosisConfiguration : IEntityTypeConfiguration<CourseDiagnosis>
{
    public void Configure(EntityTypeBuilder<CourseDiagnosis> b)
    {
        b.Property(x => x.Code).HasMaxLength(Code);
        b.Property(x => x.Description).HasMaxLength(Line);
        b.HasIndex(x => new { x.TreatmentCourseId, x.Position }).IsUnique();
    }
}
