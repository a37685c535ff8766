using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ClinicAdmin.Web.Tests.Infrastructure;

namespace ClinicAdmin.Web.Tests.Security.HostileInput;

/// <summary>A field of a discovered form, as the page rendered it.</summary>
public sealed record FormField(string Name, FieldKind Kind, string Value, bool Required, IReadOnlyList<string> Options);

/// <summary>A POST form found on a page: who saw it, where, and a key that finds it again after the page is reloaded.</summary>
public sealed record DiscoveredForm(string? Role, string PageUrl, string Key, string ActionPath, PageCatalog.PageInfo? Page)
{
    public override string ToString() => $"{Key} (on {PageUrl} as {Role ?? "anonymous"})";
}

/// <summary>
/// Finds every POST form of the app the way a user would: signed in as each role, it opens every page of the
/// <see cref="PageCatalog"/> and follows the links it finds (so record pages are reached with real ids), and parses
/// every <c>form[method=post]</c>. A new page or field is covered without changing this class.
/// </summary>
public static partial class FormDiscovery
{
    private const int MaxPages = 400;
    /// <summary>Records opened per page shape (the first patient, the second...), so a form shown only for some records is found.</summary>
    private const int PerShape = 3;

    /// <summary>Crawls as one client. <paramref name="skip"/>: URLs not to open (e.g. the test accounts' own user pages).</summary>
    /// <summary>
    /// Follows one redirect to a page of the app other than sign-in, as a browser does: the patient link swaps its
    /// token for a cookie and redirects to the bare /PatientLink.
    /// </summary>
    public static async Task<HttpResponseMessage> FollowLocalAsync(ClinicClient client, HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString() is { } to && to.StartsWith('/') && !to.Contains("/Account/Login")
            ? await client.GetAsync(to)
            : response;

    public static async Task<List<(string Url, IHtmlDocument Doc)>> CrawlAsync(ClinicClient client, IEnumerable<string> starts, Func<string, bool> skip)
    {
        var seenShapes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var seenUrls = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>(starts);
        var pages = new List<(string, IHtmlDocument)>();
        while (queue.Count > 0 && pages.Count < MaxPages)
        {
            var url = queue.Dequeue();
            if (skip(url) || !seenUrls.Add(url)) continue;
            var shape = Shape(url);
            if (seenShapes.GetValueOrDefault(shape) >= PerShape) continue;
            seenShapes[shape] = seenShapes.GetValueOrDefault(shape) + 1;
            var response = await FollowLocalAsync(client, await client.GetAsync(url));
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var doc = await ClinicClient.ReadAsync(response);
            pages.Add((url, doc));
            foreach (var a in doc.QuerySelectorAll("a[href]"))
            {
                var href = a.GetAttribute("href")!;
                if (!href.StartsWith('/') || href.StartsWith("//")) continue;
                queue.Enqueue(WebUtility.HtmlDecode(href.Split('#')[0]));
            }
        }
        return pages;
    }

    /// <summary>A page address without its values: /Patients/Details?id=3 and ?id=4 are one page; ?patientId=3 is another.</summary>
    public static string Shape(string url)
    {
        var q = url.IndexOf('?');
        if (q < 0) return url.TrimEnd('/').ToLowerInvariant();
        var keys = url[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0].ToLowerInvariant()).Order();
        var handler = Regex.Match(url, "[?&]handler=([^&]*)", RegexOptions.IgnoreCase);
        return url[..q].TrimEnd('/').ToLowerInvariant() + "?" + string.Join("&", keys) + (handler.Success ? "#" + handler.Groups[1].Value.ToLowerInvariant() : "");
    }

    /// <summary>The POST forms of a page (the sign-out form is the layout's, tested elsewhere).</summary>
    public static IEnumerable<IHtmlFormElement> PostForms(IHtmlDocument doc) =>
        doc.QuerySelectorAll("form").OfType<IHtmlFormElement>().Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
            .Where(f => !(f.GetAttribute("action") ?? "").Contains("/Account/Logout", StringComparison.OrdinalIgnoreCase));

    /// <summary>The GET forms of a page (filters and searches): their fields end up in the address, so they get the same values.</summary>
    public static IEnumerable<IHtmlFormElement> GetForms(IHtmlDocument doc) =>
        doc.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .Where(f => f.GetAttribute("method") is null || string.Equals(f.GetAttribute("method"), "get", StringComparison.OrdinalIgnoreCase));

    /// <summary>Where the form posts to (its action, or the page itself).</summary>
    public static string ActionOf(IHtmlFormElement form, string pageUrl) =>
        form.GetAttribute("action") is { Length: > 0 } a ? WebUtility.HtmlDecode(a) : pageUrl;

    /// <summary>Identifies a form across reloads and records: target page and handler, and its field names (row numbers ignored).</summary>
    public static string KeyOf(IHtmlFormElement form, string pageUrl)
    {
        var action = ActionOf(form, pageUrl);
        var path = action.Split('?')[0].TrimEnd('/');
        var handler = Regex.Match(action, "[?&]handler=([^&]*)", RegexOptions.IgnoreCase);
        var names = FieldsOf(form).Select(f => RowIndex().Replace(f.Name, "[]")).Distinct().Order(StringComparer.Ordinal);
        return $"{path}{(handler.Success ? "?handler=" + handler.Groups[1].Value : "")} [{string.Join(", ", names)}]";
    }

    /// <summary>Every named, enabled field of the form with its kind and rendered value (one entry per radio group).</summary>
    public static List<FormField> FieldsOf(IHtmlFormElement form)
    {
        var fields = new List<FormField>();
        foreach (var e in form.Elements)
        {
            var name = e.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || e.HasAttribute("disabled") || name == "__RequestVerificationToken") continue;
            var required = e.HasAttribute("required") || e.HasAttribute("data-val-required");
            switch (e)
            {
                case IHtmlInputElement { Type: "submit" or "button" or "image" or "file" or "reset" }:
                case IHtmlButtonElement:
                    break;
                case IHtmlInputElement { Type: "radio" } radio:
                    if (fields.Any(f => f.Name == name)) continue;
                    var group = form.Elements.OfType<IHtmlInputElement>().Where(r => r.Type == "radio" && r.Name == name).ToList();
                    fields.Add(new(name, FieldKind.Radio, group.FirstOrDefault(r => r.IsChecked)?.Value ?? "", required, group.Select(r => r.Value).ToList()));
                    break;
                case IHtmlInputElement { Type: "checkbox" } box:
                    if (!fields.Any(f => f.Name == name)) fields.Add(new(name, FieldKind.Checkbox, box.IsChecked ? box.Value : "", required, [box.Value]));
                    break;
                case IHtmlInputElement input:
                    var kind = input.Type switch
                    {
                        "hidden" => FieldKind.Hidden,
                        "number" or "range" => FieldKind.Number,
                        "date" or "datetime-local" or "time" or "month" or "week" => FieldKind.Date,
                        "password" => FieldKind.Password,
                        _ => FieldKind.Text,
                    };
                    // The companion hidden "false" of a checkbox is part of the checkbox.
                    if (kind == FieldKind.Hidden && fields.Any(f => f.Name == name && f.Kind == FieldKind.Checkbox)) continue;
                    fields.Add(new(name, kind, input.Value, required, []));
                    break;
                case IHtmlTextAreaElement area: fields.Add(new(name, FieldKind.Text, area.Value, required, [])); break;
                case IHtmlSelectElement select:
                    var selected = select.Options.FirstOrDefault(o => o.IsSelected)?.Value ?? (select.Options.Length > 0 ? select.Options[0].Value : "");
                    fields.Add(new(name, FieldKind.Select, selected, required, select.Options.Select(o => o.Value).ToList()));
                    break;
            }
        }
        return fields;
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex RowIndex();
}
