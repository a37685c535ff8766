using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Shouldly;

namespace ClinicAdmin.Web.Tests.Infrastructure;

/// <summary>
/// An HTTP client that behaves like a person at a browser: it reads pages, fills in the forms it finds
/// (keeping hidden fields such as the anti-forgery token and concurrency stamp) and submits them.
/// </summary>
public sealed class ClinicClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public async Task SignInAsync(string email, string password)
    {
        var response = await SubmitAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in as {email} failed");
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    /// <summary>GETs a page that must answer 200 and parses it.</summary>
    public async Task<IHtmlDocument> GetDocumentAsync(string url)
    {
        var response = await Http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}: {Excerpt(html)}");
        return Parser.ParseDocument(html);
    }

    public static async Task<IHtmlDocument> ReadAsync(HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// Loads <paramref name="url"/>, takes its form (the first POST form that is not the sign-out form, or the one matching
    /// <paramref name="formSelector"/>), keeps every field's current value, overrides with <paramref name="values"/> and submits it.
    /// A value of null removes the field. Pressing a named submit button: pass its name and value in <paramref name="values"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, Dictionary<string, string?> values, string? formSelector = null)
    {
        var doc = await GetDocumentAsync(url);
        return await SubmitAsync(doc, url, values, formSelector);
    }

    public async Task<HttpResponseMessage> SubmitAsync(IHtmlDocument doc, string url, Dictionary<string, string?> values, string? formSelector = null)
    {
        var form = FindForm(doc, formSelector);
        var fields = FieldsOf(form);
        foreach (var (k, v) in values)
        {
            fields.RemoveAll(f => f.Key == k);
            if (v is not null) fields.Add(new(k, v));
        }
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? url : action;
        return await Http.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts raw fields with a valid anti-forgery token (taken from the home page), for testing handlers the user has no form for.</summary>
    public async Task<HttpResponseMessage> PostAsync(string url, Dictionary<string, string?> values)
    {
        var token = await AntiforgeryTokenAsync();
        var fields = values.Where(v => v.Value is not null).Select(v => new KeyValuePair<string, string>(v.Key, v.Value!)).ToList();
        fields.Add(new("__RequestVerificationToken", token));
        return await Http.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public async Task<string> AntiforgeryTokenAsync()
    {
        var response = await Http.GetAsync("/Account/Login");
        var doc = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        if (doc.QuerySelector("input[name=__RequestVerificationToken]") is not IHtmlInputElement input)
        {
            doc = await GetDocumentAsync("/");
            input = (IHtmlInputElement)doc.QuerySelector("input[name=__RequestVerificationToken]")!;
        }
        return input.Value;
    }

    public static IHtmlFormElement FindForm(IHtmlDocument doc, string? selector)
    {
        var forms = doc.QuerySelectorAll<IHtmlFormElement>(selector ?? "form[method=post]")
            .Where(f => selector is not null || !(f.GetAttribute("action") ?? "").Contains("Logout", StringComparison.OrdinalIgnoreCase))
            .ToList();
        forms.ShouldNotBeEmpty($"no form {selector ?? "(post)"} on the page");
        return forms[0];
    }

    /// <summary>The fields a browser would submit for <paramref name="form"/> as it stands (checked boxes, selected options, text).</summary>
    public static List<KeyValuePair<string, string>> FieldsOf(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var e in form.Elements)
        {
            var name = e.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || e.HasAttribute("disabled")) continue;
            switch (e)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked) fields.Add(new(name, box.Value));
                    break;
                case IHtmlInputElement { Type: "submit" or "button" or "image" or "file" }:
                case IHtmlButtonElement:
                    break;
                case IHtmlInputElement input: fields.Add(new(name, input.Value)); break;
                case IHtmlTextAreaElement area: fields.Add(new(name, area.Value)); break;
                case IHtmlSelectElement select:
                    foreach (var o in select.Options.Where(o => o.IsSelected)) fields.Add(new(name, o.Value));
                    if (!select.IsMultiple && !select.Options.Any(o => o.IsSelected) && select.Options.Length > 0)
                        fields.Add(new(name, select.Options[0].Value));
                    break;
            }
        }
        return fields;
    }

    /// <summary>The text of the validation message for a field, e.g. "Input.Npi".</summary>
    public static string? ErrorFor(IDocument doc, string field) =>
        doc.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() is { Length: > 0 } t ? t : null;

    public static string? ValueOf(IDocument doc, string field) => doc.QuerySelector($"[name='{field}']") switch
    {
        IHtmlInputElement i => i.Value,
        IHtmlTextAreaElement t => t.Value,
        IHtmlSelectElement s => s.Value,
        _ => null,
    };

    private static string Excerpt(string html) => html.Length > 600 ? html[..600] : html;

    public void Dispose() => Http.Dispose();
}
