using ClinicAdmin.Data;
using ClinicAdmin.Web.Features.AccessLog;
using ClinicAdmin.Web.Features.Account;
using ClinicAdmin.Web.Features.Appointments;
using ClinicAdmin.Web.Features.Assessments;
using ClinicAdmin.Web.Features.Audit;
using ClinicAdmin.Web.Features.Courses;
using ClinicAdmin.Web.Features.Home;
using ClinicAdmin.Web.Features.Incidents;
using ClinicAdmin.Web.Features.Jobs;
using ClinicAdmin.Web.Features.Locations;
using ClinicAdmin.Web.Features.Outcomes;
using ClinicAdmin.Web.Features.Patients;
using ClinicAdmin.Web.Features.Payments;
using ClinicAdmin.Web.Features.Pricing;
using ClinicAdmin.Web.Features.Resources;
using ClinicAdmin.Web.Features.Settings;
using ClinicAdmin.Web.Features.Staff;
using ClinicAdmin.Web.Features.Superbills;
using ClinicAdmin.Web.Features.Users;
using ClinicAdmin.Web.Features.Visits;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Commands;
using ClinicAdmin.Web.Platform.Demo;
using ClinicAdmin.Web.Platform.Hosting;
using ClinicAdmin.Web.Platform.Jobs;
using ClinicAdmin.Web.Platform.Observability;
using ClinicAdmin.Web.Platform.Operations;
using ClinicAdmin.Web.Platform.Security;

// A configuration or start-up problem ends with one line naming the key or file, not a stack trace.
StartupErrors.Install();

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;

// Table of contents. Cross-cutting modules (Data project, Platform/, PageKit/):
builder.Services
    .AddClinicObservability(config)              // Platform/Observability: JSON logs, request events, metrics, traces
    .AddClinicData(config)                       // ClinicAdmin.Data: the DbContext, provider, audit
    .AddClinicIdentity(config)                   // Platform/Security: sign-in, roles, policies
    .AddClinicSecurity(config, builder.Environment) // Platform/Security: data protection (keys encrypted at rest), HSTS
    .AddClinicEdge(config, builder.Environment)  // Platform/Security: proxy headers, Secure cookies, rate limits, public URL
    .AddClinicPages()                            // PageKit: Razor Pages under Features/, layout, clinic clock
    .AddClinicHealth()                           // Platform/Hosting: /health
    .AddClinicJobs(config)                       // Platform/Jobs: the background-job engine (Quartz)
    .AddClinicDemo(config, builder.Environment)  // Platform/Demo: the demo clinic
    .AddClinicOperations(config);                // Platform/Operations: database faults, backup, samples
// Features (Features/<Feature>/), one line each:
builder.Services
    .AddClinicHome()
    .AddClinicAccount()
    .AddClinicPatients()
    .AddClinicCourses()
    .AddClinicVisits(config)
    .AddClinicAssessments()
    .AddClinicIncidents()
    .AddClinicPayments()
    .AddClinicSuperbills(config)
    .AddClinicOutcomes(config)
    .AddClinicStaff()
    .AddClinicPricing()
    .AddClinicLocations()
    .AddClinicResources()
    .AddClinicAppointments()
    .AddClinicSettings()
    .AddClinicUsers()
    .AddClinicAudit()
    .AddClinicAccessLog()
    .AddClinicJobsPage();

var app = builder.Build();

// `dotnet ClinicAdmin.Web.dll <verb> ...` (users, jobs, backup, restore, samples, workbook; `help` lists
// them) runs that command instead of serving pages. Each feature registers its own verb.
if (await app.RunVerbAsync(args) is { } exitCode) return exitCode;

await app.InitializeDatabaseAsync();
// Production refuses a database that still has demo sign-ins (the `users` verbs above can still remove them).
await ProductionGuard.RefuseUnsafeDatabaseAsync(app.Services, app.Environment);
app.UseClinicPipeline();
await app.RunAsync();
return 0;

public partial class Program;
