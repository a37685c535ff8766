namespace ClinicAdmin.Web.Platform.Commands;

/// <summary>
/// The command-line verbs (`dotnet ClinicAdmin.Web.dll users create ...`), dispatched from one place. Each feature adds
/// its own verb in its AddClinicXxx(); Program.cs runs the one named by the first argument instead of serving pages.
/// </summary>
public static class CommandVerbs
{
    public sealed record Verb(string Name, string Help, Func<WebApplication, string[], Task<int>> Run);

    public static IServiceCollection AddClinicVerb(this IServiceCollection services, string name, string help, Func<WebApplication, string[], Task<int>> run)
    {
        services.AddSingleton(new Verb(name, help, run));
        return services;
    }

    /// <summary>The exit code of the verb named by <paramref name="args"/>[0] (2 for an unknown one), or null when the arguments are only configuration (serve the app).</summary>
    public static async Task<int?> RunVerbAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-')) return null;
        var verbs = app.Services.GetServices<Verb>().ToList();
        if (verbs.FirstOrDefault(v => v.Name == args[0]) is { } verb) return await verb.Run(app, args[1..]);
        if (args[0] is "help" or "--help")
        {
            foreach (var v in verbs.OrderBy(v => v.Name)) Console.WriteLine($"  {v.Name,-12} {v.Help}");
            return 0;
        }
        if (args[0].Contains('=') || args[0].StartsWith('/')) return null; // configuration such as `Key=Value` or `/urls x`
        // A mistyped or moved verb must not quietly start a web server that a script then waits on for ever.
        Console.Error.WriteLine($"`{args[0]}` is not a command of this app. Commands: {string.Join(", ", verbs.Select(v => v.Name).Order())}, help. " +
            "(scale-data lives in src/ClinicAdmin.Tools.)");
        return 2;
    }

    /// <summary>
    /// True (after one line on standard error) when the app runs in Production: for verbs that write patient data to a
    /// file outside the app's access control and its audit trail (issue 13, finding 12). The operator uses the page
    /// instead, or runs the verb on a copy outside Production.
    /// </summary>
    public static bool RefusedInProduction(this WebApplication app, string verb, string instead)
    {
        if (!app.Environment.IsProduction()) return false;
        Console.Error.WriteLine($"`{verb}` writes patient data to a file outside the app's access control and audit trail, which Production refuses; {instead}");
        return true;
    }
}

/// <summary>A sample document written by the `samples` verb from demo data (reports/samples/); features add theirs.</summary>
public interface ISampleWriter
{
    /// <summary>Writes the sample into <paramref name="outDir"/> and returns its path, or null when the data for it is missing.</summary>
    Task<string?> WriteAsync(IServiceProvider services, string outDir);
}
