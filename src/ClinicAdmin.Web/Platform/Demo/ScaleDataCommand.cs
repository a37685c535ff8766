using System.Globalization;
using ClinicAdmin.Data;
using ClinicAdmin.Data.Seeding;
using ClinicAdmin.Web.PageKit;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Platform.Demo;

/// <summary>
/// Fills the configured database with a multi-location chain for load and report measurements:
///   dotnet ClinicAdmin.Web.dll scale-data                       100 locations, 20,000 patients, 1,000,000 visits over 10 years
///   dotnet ClinicAdmin.Web.dll scale-data --month 2026-10      the busiest month of a chain: 100,000 sessions and 5,000 incidents in it
///   options: --locations N --patients N --visits N --years N --incidents N --seed N
/// The demo clinic (catalog and demo sign-ins) is seeded first. Invented data only, so it refuses to run in Production.
/// </summary>
public static class ScaleDataCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (app.Environment.IsProduction())
        {
            Console.Error.WriteLine("scale-data fills the database with invented patients; it does not run in Production.");
            return 2;
        }
        ScaleProfile profile;
        try { profile = Parse(args); }
        catch (FormatException e) { Console.Error.WriteLine(e.Message); return 2; }

        await app.InitializeDatabaseAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedDemoAsync();
        if (await db.Patients.CountAsync() > 1_000)
        {
            Console.Error.WriteLine("This database already holds generated patients; use an empty data folder or database.");
            return 2;
        }
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        Console.WriteLine($"Generating {profile.Locations:N0} locations, {profile.Patients:N0} patients, {profile.Visits:N0} visits " +
                          (profile.OneMonth is { } m ? $"in {m:yyyy-MM}" : $"over {profile.Years} years") + " ...");
        var r = await new ScaleSeeder(db, scope.ServiceProvider.GetRequiredService<TimeProvider>())
            .SeedAsync(profile, Console.WriteLine);
        Console.WriteLine($"Done in {r.Elapsed.TotalSeconds:N0} s: {r.Locations:N0} locations, {r.Staff:N0} staff, {r.Patients:N0} patients, " +
                          $"{r.Courses:N0} courses, {r.Visits:N0} visits, {r.ChargeLines:N0} charge lines, {r.Payments:N0} payments, " +
                          $"{r.Assessments:N0} assessments, {r.Incidents:N0} incidents.");
        return 0;
    }

    public static ScaleProfile Parse(string[] args)
    {
        var p = new ScaleProfile();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
            int Number()
            {
                var name = args[i];
                return int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new FormatException($"{name} needs a positive whole number.");
            }
            p = args[i] switch
            {
                "--locations" => p with { Locations = Number() },
                "--patients" => p with { Patients = Number() },
                "--visits" => p with { Visits = Number() },
                "--years" => p with { Years = Number() },
                "--incidents" => p with { Incidents = Number() },
                "--seed" => p with { Seed = Number() },
                "--month" => DateOnly.TryParseExact(Value() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
                    ? ScaleProfile.ChainMonth(month) with { Locations = p.Locations, Patients = p.Patients, Seed = p.Seed }
                    : throw new FormatException("--month needs a month as yyyy-MM."),
                _ => throw new FormatException($"Unknown option {args[i]}. Options: --locations --patients --visits --years --month --incidents --seed."),
            };
        }
        if (p.Visits < p.Patients) throw new FormatException("--visits must be at least --patients (every patient has a visit).");
        if (p.Patients < p.Locations) throw new FormatException("--patients must be at least --locations.");
        return p;
    }
}
