using System.Data.Common;
using System.Globalization;
using ClinicAdmin.Data;
using ClinicAdmin.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using OtpNet;

namespace ClinicAdmin.Web.Platform.Security;

/// <summary>
/// Identity's authenticator codes, used once: Identity's own provider accepts the same code again for as long as it
/// is in its window (about 2½ minutes), so a code read over a shoulder or from a phishing page still signs in. This one
/// takes the 30 s step the code matched (Otp.NET) and moves the account's "last step used" forward with one
/// compare-and-set, so a code, or any older one, works once, also against parallel requests.
/// </summary>
public sealed class OneUseAuthenticatorTokens(ClinicDbContext db) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public const string LoginProvider = "[ClinicAdmin]";
    public const string LastStepName = "AuthenticatorLastStep";
    // Identity's window: two steps each side (±60–90 s), for phones whose clocks drift.
    private static readonly VerificationWindow Window = new(previous: 2, future: 2);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    // The phone makes the codes; the server never sends one.
    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !token.All(char.IsAsciiDigit)) return false;
        // The wall clock, as the phone's: codes are real time even when the app's clock is moved (tests, replays).
        if (!new Totp(Base32Encoding.ToBytes(key)).VerifyTotp(DateTime.UtcNow, token, out var step, Window)) return false;
        return await TakeStepAsync(user.Id, step);
    }

    /// <summary>True when <paramref name="step"/> is later than the last one used and this request recorded it first.</summary>
    private async Task<bool> TakeStepAsync(string userId, long step)
    {
        var mine = step.ToString(CultureInfo.InvariantCulture);
        var row = db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == LoginProvider && t.Name == LastStepName);
        var last = await row.AsNoTracking().Select(t => t.Value).SingleOrDefaultAsync();
        if (last is null) return await InsertFirstAsync(userId, mine);
        if (!long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var lastStep) || step <= lastStep) return false;
        // Compare-and-set on the value read: of two requests with the same code, one updates the row, the other none.
        return await row.Where(t => t.Value == last).ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, mine)) == 1;
    }

    /// <summary>The account's first code: a plain insert, so the primary key lets only one parallel request win.</summary>
    private async Task<bool> InsertFirstAsync(string userId, string step)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(IdentityUserToken<string>))!;
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName());
        var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        try
        {
            // Not through SaveChanges: that would also save whatever else this request has tracked, and audit the row.
            await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO {table} ({Column("UserId")}, {Column("LoginProvider")}, {Column("Name")}, {Column("Value")}) VALUES ({{0}}, {{1}}, {{2}}, {{3}})",
                userId, LoginProvider, LastStepName, step);
            return true;
        }
        catch (DbException)
        {
            return false; // another request inserted it first with this very code
        }
    }
}
