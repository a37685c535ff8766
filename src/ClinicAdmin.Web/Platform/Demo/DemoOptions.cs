namespace ClinicAdmin.Web.Platform.Demo;

/// <summary>The "Demo" section.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed the invented demo clinic and its sign-ins on an empty database. Always off in Production.</summary>
    public bool Enabled { get; set; }
}
