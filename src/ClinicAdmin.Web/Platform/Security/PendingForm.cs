using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ClinicAdmin.Web.Platform.Security;

/// <summary>
/// The form a user was saving when the page asked them to confirm their password: kept in TempData (a cookie the app's
/// data-protection keys encrypt) so that, once confirmed, the Reauthenticate page offers "Save my changes" with the same
/// values instead of making them type it all again. Password fields and the anti-forgery token are never kept.
/// </summary>
public sealed record PendingForm(string Url, List<KeyValuePair<string, string>> Fields, bool PasswordLeftOut)
{
    private const string Key = "Reauth.PendingForm";

    /// <summary>Keeps this POST's fields and its URL (handler included) for after the confirmation.</summary>
    public static void Keep(HttpContext http)
    {
        var request = http.Request;
        if (!request.HasFormContentType) return;
        static bool IsPassword(string name) => name.Contains("password", StringComparison.OrdinalIgnoreCase);
        var fields = request.Form
            .Where(f => f.Key != "__RequestVerificationToken" && !IsPassword(f.Key))
            .SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? "")))
            .ToList();
        var passwordLeftOut = request.Form.Any(f => IsPassword(f.Key) && f.Value.Any(v => !string.IsNullOrEmpty(v)));
        var tempData = TempDataOf(http);
        tempData[Key] = JsonSerializer.Serialize(new PendingForm(request.PathBase + request.Path + request.QueryString, fields, passwordLeftOut));
        tempData.Save();
    }

    /// <summary>The kept form when it belongs to <paramref name="returnUrl"/>'s page; <paramref name="take"/> removes it.</summary>
    public static PendingForm? For(HttpContext http, string? returnUrl, bool take)
    {
        var tempData = TempDataOf(http);
        if ((take ? tempData[Key] : tempData.Peek(Key)) is not string json || returnUrl is null) return null;
        var form = JsonSerializer.Deserialize<PendingForm>(json);
        return form is not null && PathOf(form.Url).Equals(PathOf(returnUrl), StringComparison.OrdinalIgnoreCase) ? form : null;
    }

    private static string PathOf(string url) => url.Split('?', 2)[0];

    private static ITempDataDictionary TempDataOf(HttpContext http) =>
        http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
}
