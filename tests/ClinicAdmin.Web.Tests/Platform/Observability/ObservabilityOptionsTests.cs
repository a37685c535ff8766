using ClinicAdmin.Web.Platform.Operations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Platform.Observability;

/// <summary>A wrong observability setting stops start-up with one line naming the key, like every other setting.</summary>
[Trait("Category", "Unit")]
public sealed class ObservabilityOptionsTests
{
    [Theory]
    [InlineData("Observability:Otlp:Endpoint", "collector:4317",
        "the setting Observability:Otlp:Endpoint must be empty or an absolute http:// or https:// address of the OpenTelemetry collector (e.g. http://collector:4317).")]
    [InlineData("Observability:Otlp:Endpoint", "/v1/metrics",
        "the setting Observability:Otlp:Endpoint must be empty or an absolute http:// or https:// address of the OpenTelemetry collector (e.g. http://collector:4317).")]
    [InlineData("Observability:Metrics:AllowedNetworks:0", "the office",
        "the setting Observability:Metrics:AllowedNetworks must list IP addresses or networks in CIDR form (e.g. 10.0.1.5, 10.0.1.0/24).")]
    [InlineData("Observability:Metrics:RequiredRole", "Admin",
        "the setting Observability:Metrics:RequiredRole must be empty or one of PracticeManager, MedicalDirector, Clinician, FrontDesk.")]
    [InlineData("Logging:Format", "Xml", "the setting Logging:Format has the value 'Xml', which is not one of Auto, Json, Simple.")]
    public void A_wrong_setting_stops_the_app_with_one_line(string key, string value, string line)
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Database:ConnectionString", ClinicAdmin.Testing.TestDatabases.NewSqlite("obs-config"));
            b.UseSetting("Jobs:Enabled", "false");
            b.UseSetting(key, value);
        });
        var error = Should.Throw<Exception>(() => factory.CreateClient());
        StartupErrors.Explain(error).ShouldBe(line);
    }
}
