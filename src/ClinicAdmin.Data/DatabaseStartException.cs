namespace ClinicAdmin.Data;

/// <summary>The database cannot be used at start for a reason the operator must fix; the message names the path and the setting.</summary>
public sealed class DatabaseStartException(string message, Exception? inner = null) : Exception(message, inner);
