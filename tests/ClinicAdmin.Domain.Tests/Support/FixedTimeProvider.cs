namespace ClinicAdmin.Domain.Tests.Support;

/// <summary>A clock that always says the same instant (no extra package needed).</summary>
public sealed class FixedTimeProvider(DateTimeOffset utcNow) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => utcNow;
}
