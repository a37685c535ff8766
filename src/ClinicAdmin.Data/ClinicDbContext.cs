using ClinicAdmin.Data.Identity;
using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Domain.Auditing;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Domain.Jobs;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Domain.Scheduling;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ClinicAdmin.Data;

/// <summary>The one DbContext: the whole clinic domain plus sign-in accounts. Provider-neutral (SQLite, PostgreSQL).</summary>
public class ClinicDbContext(DbContextOptions<ClinicDbContext> options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<ClinicSettings> ClinicSettings => Set<ClinicSettings>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<StaffMember> Staff => Set<StaffMember>();
    public DbSet<WeeklyAvailability> Availability => Set<WeeklyAvailability>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<ServicePrice> ServicePrices => Set<ServicePrice>();
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<PatientDiagnosis> PatientDiagnoses => Set<PatientDiagnosis>();
    public DbSet<TreatmentCourse> Courses => Set<TreatmentCourse>();
    public DbSet<CourseDiagnosis> CourseDiagnoses => Set<CourseDiagnosis>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<Resource> Resources => Set<Resource>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<ChargeLine> ChargeLines => Set<ChargeLine>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<IncidentAddendum> IncidentAddenda => Set<IncidentAddendum>();
    public DbSet<GeneratedDocument> Documents => Set<GeneratedDocument>();
    public DbSet<PatientLink> PatientLinks => Set<PatientLink>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    /// <summary>Reads of patient data (append-only).</summary>
    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    /// <summary>The data-protection key ring (sign-in cookies, anti-forgery), shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder b)
    {
        // Money by default: 12 digits, 2 decimals. Doses, weights and units override this.
        b.Properties<decimal>().HavePrecision(12, 2);
        // Every DateTime is UTC; SQLite forgets the kind, so it is restored on read.
        b.Properties<DateTime>().HaveConversion<UtcConverter>();
        b.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfigurationsFromAssembly(typeof(ClinicDbContext).Assembly);

        // Optimistic concurrency on everything users edit.
        foreach (var type in b.Model.GetEntityTypes().Where(t => typeof(EditableEntity).IsAssignableFrom(t.ClrType)))
            b.Entity(type.ClrType).Property(nameof(EditableEntity.ConcurrencyStamp)).IsConcurrencyToken();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
