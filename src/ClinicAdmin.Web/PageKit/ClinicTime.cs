using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Web.PageKit;

/// <summary>The clinic's clock for this request: "today" and wall-clock times are in the clinic's time zone, storage is UTC.</summary>
public sealed class ClinicTime(ClinicDbContext db, TimeProvider time)
{
    private ClinicClock? _clock;

    public async Task<ClinicClock> ClockAsync()
    {
        if (_clock is not null) return _clock;
        return _clock = await ClinicClocks.ForAsync(db, time);
    }

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;
}
