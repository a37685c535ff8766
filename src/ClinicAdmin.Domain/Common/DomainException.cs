namespace ClinicAdmin.Domain.Common;

/// <summary>A rule was broken. Pages show <see cref="Exception.Message"/> next to the field named.</summary>
public sealed class DomainException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
