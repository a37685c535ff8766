using System.Diagnostics;
using ClinicAdmin.Domain.Jobs;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Web.Platform.Jobs;
using ClinicAdmin.Web.Features.Superbills;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using Xunit.Abstractions;
using static ClinicAdmin.Web.Tests.Features.Patients.RecordData;

namespace ClinicAdmin.Web.Tests.Features.Superbills;

/// <summary>
/// Measurement, not part of the normal suite (Category=Perf): a month-end batch of 1,000 superbills end to end through
/// the job engine on a temp SQLite database. Run: tests/perf/superbill-batch.sh
/// </summary>
[Collection(SqliteCollection.Name), Trait("Category", "Perf")]
public sealed class SuperbillBatchPerfTests(SqliteApp app, ITestOutputHelper output) : PageTest(app)
{
    [Fact]
    public async Task Month_end_batch_of_1000_superbills_through_the_job_engine()
    {
        const int patients = 1000;
        var c = await SeedAsync(App);
        var day = Today.AddDays(-5);
        await App.InDbAsync(async db =>
        {
            var infusion = await db.Services.Include(s => s.Prices).SingleAsync(s => s.Id == c.Infusion.Id);
            var list = Enumerable.Range(0, patients).Select(i => Patient("Perf", $"Patient{i}", $"MRN-P{i:000000}")).ToList();
            db.Patients.AddRange(list);
            await db.SaveChangesAsync();
            foreach (var p in list)
            {
                var course = new TreatmentCourse { PatientId = p.Id, StartDate = day, Status = CourseStatus.Active };
                course.Diagnoses.Add(new CourseDiagnosis { Position = 0, Code = "F33.2", Description = "Major depressive disorder, recurrent, severe" });
                db.Courses.Add(course);
            }
            await db.SaveChangesAsync();
            var courses = await db.Courses.Where(x => x.PatientId != c.Patient.Id).ToDictionaryAsync(x => x.PatientId, x => x.Id);
            foreach (var p in list)
            {
                var v = new Visit { PatientId = p.Id, LocationId = App.MainLocationId, TreatmentCourseId = courses[p.Id], RenderingProviderId = c.Provider.Id, StartedAt = Utc(day, 10), Route = Route.IV };
                v.Charge(infusion, day);
                db.Visits.Add(v);
            }
            await db.SaveChangesAsync();
            foreach (var v in await db.Visits.Select(v => new { v.Id, v.PatientId }).ToListAsync())
                db.Payments.Add(new Payment { PatientId = v.PatientId, VisitId = v.Id, Amount = 399m, Method = PaymentMethod.Card, ReceivedAt = Utc(day, 12), RecordedBy = "perf" });
            await db.SaveChangesAsync();
        });

        var clock = Stopwatch.StartNew();
        int runId;
        using (var scope = App.Services.CreateScope())
            runId = (await scope.ServiceProvider.GetRequiredService<JobQueue>().EnqueueAsync(SuperbillBatchJob.KindName,
                SuperbillBatchJob.RequestKeyOf(2026, 6), new SuperbillBatchJob.Parameters(2026, 6), "perf batch", null, "perf", null)).Id;
        JobRun run;
        while (!(run = await App.InDbAsync(db => db.JobRuns.AsNoTracking().SingleAsync(r => r.Id == runId))).IsFinished)
            await Task.Delay(200);
        clock.Stop();
        run.Status.ShouldBe(JobStatus.Succeeded, run.Error);
        (await App.InDbAsync(db => db.Documents.CountAsync())).ShouldBe(patients);
        var line = $"SUPERBILL BATCH: {patients} superbills in {clock.Elapsed.TotalSeconds:F1} s ({clock.Elapsed.TotalMilliseconds / patients:F1} ms each, end to end through the job engine, SQLite)";
        output.WriteLine(line);
        Console.WriteLine(line);
    }
}
