using System.Security.Cryptography;
using ClinicAdmin.Data.Identity;
using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Domain.Jobs;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Web.Tests.Infrastructure;
using ClinicAdmin.Web.Tests.Features.Patients;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ClinicalData = ClinicAdmin.Web.Tests.Features.Assessments.ClinicalData;

namespace ClinicAdmin.Web.Tests.Security.HostileInput;

/// <summary>
/// A small realistic clinic so every form has something to work on: a patient with a course, a past visit with an
/// add-on, a payment, an assessment, an incident that needs review and a signed one, an office manager, a scheduled
/// price change, an issued superbill and a sign-in account that is not one of the test roles' (so a hostile pass over
/// the user form never locks the test accounts out). Deterministic: after a reset the same ids come back.
/// </summary>
internal static class HostileSeed
{
    /// <summary>A fixed id, so the user form's address is the same after every reseed.</summary>
    public const string TargetUserId = "00000000-0000-0000-0000-0000000000aa";

    /// <summary>A patient link's token (fixed, so the link works again after a reseed).</summary>
    public const string LinkToken = "hostile-pass-link-0123456789abcdefghijklmnopqrstuv";

    /// <summary>Pages no link leads to: a patient opens the superbill link from an e-mail.</summary>
    public static readonly string[] EntryUrls = ["/PatientLink?t=" + LinkToken];

    public static async Task SeedAsync(ClinicApp app)
    {
        var c = await RecordData.SeedAsync(app);
        var visit = await RecordData.AddVisitAsync(app, c, RecordData.Today.AddDays(-7), addOn: true, session: 1);
        await app.InsertAsync(PaymentRules.Receive(c.Patient.Id, visit.Id, 200m, PaymentMethod.Card, RecordData.Utc(RecordData.Today.AddDays(-7), 13), "auth 4411", "Test Front desk"));
        var setup = new ClinicalData.Setup(c.Patient, c.Provider, c.Course);
        await ClinicalData.ScoreAsync(app, setup, Instrument.Phq9, RecordData.Utc(RecordData.Today.AddDays(-8), 9), 18);
        await ClinicalData.IncidentAsync(app, setup, RecordData.Utc(RecordData.Today.AddDays(-7), 10, 30), grade: 3, visitId: visit.Id, type: IncidentType.Hypertension);
        await ClinicalData.IncidentAsync(app, setup, RecordData.Utc(RecordData.Today.AddDays(-7), 11), grade: 1, visitId: visit.Id, signedBy: "Dr. Test Director");
        await app.InsertAsync(Features.Staff.StaffData.OfficeManager());
        await app.InDbAsync(async db =>
        {
            var infusion = await db.Services.Include(s => s.Prices).SingleAsync(s => s.Id == c.Infusion.Id);
            infusion.SetPrice(425m, RecordData.Today.AddDays(30), RecordData.Today, "Test Practice manager", "Supplier cost", RecordData.Noon.UtcDateTime);
            var pdf = "%PDF-1.4\n% placeholder superbill\n"u8.ToArray();
            db.Documents.Add(new GeneratedDocument
            {
                Kind = DocumentKind.Superbill, RequestKey = "hostile-seed", DocumentNumber = "SB-2026-000001", FileName = "superbill-SB-2026-000001.pdf",
                ContentType = "application/pdf", Content = pdf, Sha256 = Convert.ToHexString(SHA256.HashData(pdf)).ToLowerInvariant(),
                PatientId = c.Patient.Id, CreatedBy = "Test Front desk", CreatedAt = RecordData.Noon.UtcDateTime.AddDays(-6),
            });
            await db.SaveChangesAsync();
            db.PatientLinks.Add(new PatientLink
            {
                DocumentId = db.Documents.Local.Single().Id, TokenHash = Web.Features.Superbills.PatientLinks.HashOf(LinkToken),
                ExpiresAt = RecordData.Noon.UtcDateTime.AddDays(14), CreatedBy = "Test Front desk", CreatedAt = RecordData.Noon.UtcDateTime,
            });
            // A chair and this afternoon's infusion in it, so the home queue leads to the appointment page and its forms.
            var chair = new Domain.Scheduling.Resource { LocationId = app.MainLocationId, Name = "Chair 1", Kind = Domain.Scheduling.ResourceKind.InfusionChair };
            chair.SetTakes(Domain.Scheduling.Resource.UsualTakes(Domain.Scheduling.ResourceKind.InfusionChair));
            db.Resources.Add(chair);
            await db.SaveChangesAsync();
            db.Appointments.Add(new Domain.Scheduling.Appointment
            {
                PatientId = c.Patient.Id, ServiceId = c.Infusion.Id, ProviderId = c.Provider.Id, LocationId = app.MainLocationId, ResourceId = chair.Id, Place = 1,
                StartUtc = RecordData.Utc(RecordData.Today, 15), EndUtc = RecordData.Utc(RecordData.Today, 16, 30), BookedBy = "Test Front desk", BookedAt = RecordData.Noon.UtcDateTime.AddDays(-2),
            });
            // A failed job of the practice manager's, so the jobs page shows its retry form.
            var run = JobRun.Request(Web.Platform.Jobs.EngineCheckJob.KindName, "hostile-seed-job", "{\"Steps\":1,\"DelayMs\":0,\"FailFirstAttempts\":9,\"Permanent\":true}",
                "Engine check", null, "Test Practice manager", app.UserIdOf(Domain.Common.Roles.PracticeManager), 1, RecordData.Noon.UtcDateTime.AddHours(-1));
            run.Start("test", RecordData.Noon.UtcDateTime.AddHours(-1));
            run.Fail("Failed on purpose.", permanent: true, RecordData.Noon.UtcDateTime.AddHours(-1), TimeSpan.FromSeconds(1));
            db.JobRuns.Add(run);
            await db.SaveChangesAsync();
        });
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var target = new ApplicationUser { Id = TargetUserId, UserName = "target@test.clinic", Email = "target@test.clinic", EmailConfirmed = true, DisplayName = "Target Account" };
        var created = await users.CreateAsync(target, ClinicApp.Password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(target, Domain.Common.Roles.FrontDesk);
    }
}
