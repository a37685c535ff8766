using ClinicAdmin.Data;
using ClinicAdmin.Data.Identity;
using ClinicAdmin.Tools;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Developer tools over the app's database, with the app's `Database:*` settings (environment variables or
// appsettings.json beside the tool):
//   dotnet ClinicAdmin.Tools.dll scale-data [--month yyyy-MM] [--locations N --patients N --visits N --years N --incidents N --seed N]
if (args.Length == 0 || args[0] != "scale-data")
{
    Console.Error.WriteLine("usage: ClinicAdmin.Tools scale-data [--month yyyy-MM] [--locations N] [--patients N] [--visits N] [--years N] [--incidents N] [--seed N]");
    return 2;
}

var builder = Host.CreateApplicationBuilder(args[1..]);
builder.Configuration.AddEnvironmentVariables();
builder.Services.AddClinicData(builder.Configuration);
// The demo clinic (with its sign-ins) is seeded first, as the app would.
builder.Services.AddIdentityCore<ApplicationUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<ClinicDbContext>();
using var host = builder.Build();
return await ScaleDataCommand.RunAsync(host, args[1..]);

public partial class Program
{
    /// <summary>Invented data never goes into a production database.</summary>
    public static bool IsProduction() =>
        new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" }.Any(v => string.Equals(Environment.GetEnvironmentVariable(v), "Production", StringComparison.OrdinalIgnoreCase));
}
