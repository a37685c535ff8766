using System.Text.Json;
using System.Text.RegularExpressions;
using ClinicAdmin.Data;
using Microsoft.Extensions.Options;

namespace ClinicAdmin.Web.Platform.Operations;

/// <summary>
/// A configuration or start-up problem ends the process with one line that names the key or file (and exit code 78,
/// EX_CONFIG) instead of an "Unhandled exception" stack trace. Anything not recognised keeps the runtime's report.
/// </summary>
public static partial class StartupErrors
{
    public const int ExitCode = 78;

    public static void Install() => AppDomain.CurrentDomain.UnhandledException += (_, e) =>
    {
        if (e.ExceptionObject is Exception ex && Explain(ex) is { } line)
        {
            Console.Error.WriteLine("ClinicAdmin cannot start: " + line);
            Console.Error.Flush();
            Environment.Exit(ExitCode);
        }
    };

    /// <summary>The one-line reason, or null when the exception is not a known start-up problem.</summary>
    public static string? Explain(Exception exception)
    {
        foreach (var e in Chain(exception))
        {
            switch (e)
            {
                case DatabaseStartException d:
                    return d.Message;
                case StartupRefusedException r:
                    return r.Message;
                case InvalidDataException when e.Message.StartsWith("Failed to load configuration from file", StringComparison.Ordinal):
                    var file = FileInQuotes().Match(e.Message).Groups[1].Value;
                    var json = Chain(e).OfType<JsonException>().FirstOrDefault();
                    var where = json?.LineNumber is { } l ? $" at line {l + 1}, position {(json.BytePositionInLine ?? 0) + 1}" : "";
                    var what = json?.Message is { } m ? ": " + m.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ') : "";
                    return $"the configuration file {file} is not valid JSON{where}{what}. Fix the file and start again.";
                case InvalidOperationException when ConvertFailure().Match(e.Message) is { Success: true } c:
                    return $"the setting {c.Groups["key"].Value} has the value '{c.Groups["value"].Value}', which is not {Kind(c.Groups["type"].Value)}.";
                case OptionsValidationException o:
                    return string.Join(" ", o.Failures.Select(f => Qualify(o.OptionsType, f)));
            }
        }
        return DatabaseFaults.Classify(exception) == DatabaseFault.Unavailable
            ? $"the database is not answering ({DatabaseFaults.CodeOf(exception)}); check Database:ConnectionString and that the server is running."
            : null;
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
            if (x is AggregateException a) foreach (var i in a.InnerExceptions.SelectMany(Chain)) yield return i;
        }
    }

    private static string Kind(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Decimal" or "System.Double" => "a number",
        "System.Boolean" => "true or false",
        "ClinicAdmin.Data.DatabaseProvider" => $"one of {string.Join(", ", Enum.GetNames<DatabaseProvider>())}",
        "ClinicAdmin.Web.Platform.Observability.LogFormat" => $"one of {string.Join(", ", Enum.GetNames<Observability.LogFormat>())}",
        var t when t.EndsWith("TimeSpan") => "a duration (hh:mm:ss)",
        var t => $"a valid {t[(t.LastIndexOf('.') + 1)..]}",
    };

    // "DataAnnotation validation failed for 'SecurityOptions' members: 'SessionIdleMinutes' with the error: '...'."
    private static string Qualify(Type options, string failure)
    {
        var section = options.GetField("Section")?.GetValue(null) as string;
        var m = DataAnnotationFailure().Match(failure);
        if (!m.Success || section is null) return failure;
        var key = $"{section}:{m.Groups["member"].Value}";
        var error = m.Groups["error"].Value;
        return error.Contains(key, StringComparison.Ordinal) ? error : $"the setting {key} is not allowed: {error}";
    }

    [GeneratedRegex("'([^']+)'")] private static partial Regex FileInQuotes();
    [GeneratedRegex("Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'")] private static partial Regex ConvertFailure();
    [GeneratedRegex("members: '(?<member>[^']+)' with the error: '(?<error>.*)'\\.?$")] private static partial Regex DataAnnotationFailure();
}
