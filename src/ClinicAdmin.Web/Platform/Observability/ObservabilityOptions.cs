namespace ClinicAdmin.Web.Platform.Observability;

/// <summary>How console log lines look.</summary>
public enum LogFormat
{
    /// <summary>Json outside Development, Simple in Development.</summary>
    Auto,
    /// <summary>One JSON object per line (the built-in JSON console formatter), for a log collector.</summary>
    Json,
    /// <summary>The readable two-line console format, for a person at a terminal.</summary>
    Simple,
}

/// <summary>The "Logging" section's own key of ours (the rest of the section is .NET's log levels).</summary>
public sealed class LogFormatOptions
{
    public const string Section = "Logging";

    /// <summary>Auto, Json or Simple.</summary>
    public LogFormat Format { get; set; } = LogFormat.Auto;
}

/// <summary>The "Observability:Metrics" section: the Prometheus scrape at /metrics.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Observability:Metrics";

    /// <summary>Serve /metrics. Off by default.</summary>
    public bool Enabled { get; set; }
    /// <summary>Besides loopback, client addresses (e.g. 10.0.1.5) or networks in CIDR form (e.g. 10.0.1.0/24) that may scrape.</summary>
    public string[] AllowedNetworks { get; set; } = [];
    /// <summary>Besides loopback and the networks above, signed-in users of this role (e.g. PracticeManager) may read it. Empty: none.</summary>
    public string RequiredRole { get; set; } = "";
}

/// <summary>The "Observability:Otlp" section: sending metrics and traces to an OpenTelemetry collector.</summary>
public sealed class OtlpOptions
{
    public const string Section = "Observability:Otlp";

    /// <summary>The collector's address, e.g. http://collector:4317 (gRPC). Empty: no export.</summary>
    public string Endpoint { get; set; } = "";

    public Uri? EndpointUri => Uri.TryCreate(Endpoint, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u : null;
}
