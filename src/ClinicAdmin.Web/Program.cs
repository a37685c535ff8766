using ClinicAdmin.Data;
using ClinicAdmin.Web.Infrastructure;
using ClinicAdmin.Web.Jobs;
using ClinicAdmin.Web.Operations;

// A configuration or start-up problem ends with one line naming the key or file, not a stack trace.
StartupErrors.Install();

// Table of contents: one AddClinicXxx() per module. Each lives in Infrastructure/ or its feature folder.
var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddClinicData(builder.Configuration)
    .AddClinicIdentity(builder.Configuration)
    .AddClinicSecurity()
    .AddClinicEdge(builder.Configuration, builder.Environment)
    .AddClinicPages()
    .AddClinicHealth()
    .AddClinicJobs(builder.Configuration)
    .AddClinicVisits(builder.Configuration)
    .AddClinicDemo(builder.Configuration, builder.Environment)
    .AddClinicOperations();

var app = builder.Build();

// `dotnet ClinicAdmin.Web.dll users ...` manages sign-ins from the command line (first production account).
if (args.Length > 0 && args[0] == "users")
    return await UsersCommand.RunAsync(app, args[1..]);
// `... jobs check|list` looks at the background-job engine.
if (args.Length > 0 && args[0] == "jobs")
    return await JobsCommand.RunAsync(app, args[1..]);
// `... samples [--out DIR]` regenerates reports/samples/ from demo data.
// `... scale-data [options]` fills the database with a generated multi-location chain (load and report measurements).
if (args.Length > 0 && args[0] == "scale-data") return await ClinicAdmin.Web.ScaleData.ScaleDataCommand.RunAsync(app, args[1..]);
// `... workbook --month yyyy-MM [--out FILE]` writes a month's outcome workbook to a file and prints timings.
if (args.Length > 0 && args[0] == "workbook") return await ClinicAdmin.Web.Reports.WorkbookCommand.RunAsync(app, args[1..]);
if (args.Length > 0 && args[0] == "samples") return await ClinicAdmin.Web.Superbills.SamplesCommand.RunAsync(app, args[1..]);
// `... backup --out FILE`, `backup verify --from FILE`, `restore --from FILE [--force]` (Operations/BackupCommand.cs).
if (args.Length > 0 && args[0] == "backup") return await BackupCommand.BackupAsync(app, args[1..]);
if (args.Length > 0 && args[0] == "restore") return await BackupCommand.RestoreAsync(app, args[1..]);

await app.InitializeDatabaseAsync();
// Production refuses a database that still has demo sign-ins (the `users` verbs above can still remove them).
await ProductionGuard.RefuseUnsafeDatabaseAsync(app.Services, app.Environment);
app.UseClinicPipeline();
await app.RunAsync();
return 0;

public partial class Program;
