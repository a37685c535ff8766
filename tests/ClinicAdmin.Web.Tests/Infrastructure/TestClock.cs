namespace ClinicAdmin.Web.Tests.Infrastructure;

/// <summary>A clock tests can set; runs at real time until set.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset? _fixed;

    public override DateTimeOffset GetUtcNow() => _fixed ?? base.GetUtcNow();

    public void Set(DateTimeOffset utc) => _fixed = utc;
    public void Reset() => _fixed = null;
}
