using ClinicAdmin.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ClinicAdmin.Migrations.PostgreSql;

/// <summary>Used only by dotnet-ef when generating migrations; the app configures the context itself.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ClinicDbContext>
{
    public ClinicDbContext CreateDbContext(string[] args) =>
        new(DataModule.Configure(new DbContextOptionsBuilder<ClinicDbContext>(), DatabaseProvider.PostgreSql, "Host=localhost;Database=design_time").Options as DbContextOptions<ClinicDbContext>
            ?? throw new InvalidOperationException());
}
