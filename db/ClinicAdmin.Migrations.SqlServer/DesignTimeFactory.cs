using ClinicAdmin.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ClinicAdmin.Migrations.SqlServer;

/// <summary>Used only by dotnet-ef when generating migrations and scripts (no server is contacted); the app configures the context itself.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ClinicDbContext>
{
    public ClinicDbContext CreateDbContext(string[] args) =>
        new(DataModule.Configure(new DbContextOptionsBuilder<ClinicDbContext>(), DatabaseProvider.SqlServer, "Server=localhost;Database=design_time;Integrated Security=true;TrustServerCertificate=true").Options as DbContextOptions<ClinicDbContext>
            ?? throw new InvalidOperationException());
}
