using System.ComponentModel.DataAnnotations;

namespace ClinicAdmin.Data;

public enum DatabaseProvider { Sqlite, PostgreSql, SqlServer }

/// <summary>The "Database" section of configuration. Validated at start: a wrong value stops the app with a message naming the key.</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    /// <summary>Sqlite (embedded default), PostgreSql or SqlServer.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for PostgreSql and SqlServer. For Sqlite, optional: defaults to clinicadmin.db in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the SQLite file lives; default ~/.local/share/ClinicAdmin (never the source tree).</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Apply pending migrations when the app starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    public string ResolvedDataDirectory => string.IsNullOrWhiteSpace(DataDirectory)
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "ClinicAdmin")
        : Path.GetFullPath(DataDirectory);

    public string ResolvedConnectionString => Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(ConnectionString)
        ? $"Data Source={Path.Combine(ResolvedDataDirectory, "clinicadmin.db")};Default Timeout=30"
        : ConnectionString!;

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Provider != DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(ConnectionString))
            yield return new ValidationResult($"Database:ConnectionString is required when Database:Provider is {Provider}.", [nameof(ConnectionString)]);
    }
}
