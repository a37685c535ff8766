using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ClinicAdmin.Browser.Tests.Infrastructure;

/// <summary>
/// One person's browser without the browser: a cookie jar and plain HTTP, no automatic redirects. Requests take absolute
/// URLs, so the same cookies (sign-in, anti-forgery) can be sent to any instance of a cluster on 127.0.0.1.
/// </summary>
public sealed class WebSession : IDisposable
{
    private readonly HttpClient _http;

    public WebSession() =>
        _http = new HttpClient(new TlsProxy(Cookies) { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false } })
        {
            Timeout = TimeSpan.FromSeconds(120),
        };

    public CookieContainer Cookies { get; } = new();

    /// <summary>A form as the page served it: its action and every field a browser would submit, ready to be edited.</summary>
    public sealed record Form(string Action, Dictionary<string, string> Fields)
    {
        public string Token => Fields.GetValueOrDefault("__RequestVerificationToken") ?? "";
    }

    public Task<HttpResponseMessage> GetAsync(string url) => _http.GetAsync(url);

    public async Task<Form> GetFormAsync(string url, string selector = "main form[method=post]")
    {
        var response = await _http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} {response.Headers.Location}\n{html[..Math.Min(html.Length, 2000)]}");
        var doc = new HtmlParser().ParseDocument(html);
        var form = doc.QuerySelectorAll(selector).OfType<IHtmlFormElement>().FirstOrDefault()
                   ?? throw new InvalidOperationException($"GET {url}: no form matches '{selector}'\n{html[..Math.Min(html.Length, 2000)]}");
        var fields = new Dictionary<string, string>();
        foreach (var e in form.Elements)
        {
            switch (e)
            {
                case IHtmlInputElement i when string.IsNullOrEmpty(i.Name) || i.Type is "submit" or "button" or "file":
                case IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false }:
                    break;
                case IHtmlInputElement i:
                    fields.TryAdd(i.Name!, i.Value); // a checked checkbox comes before its hidden "false"
                    break;
                case IHtmlSelectElement s when !string.IsNullOrEmpty(s.Name):
                    fields[s.Name!] = s.SelectedOptions.FirstOrDefault()?.Value ?? s.Options.FirstOrDefault()?.Value ?? "";
                    break;
                case IHtmlTextAreaElement t when !string.IsNullOrEmpty(t.Name):
                    fields[t.Name!] = t.Value;
                    break;
            }
        }
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : new Uri(url).PathAndQuery;
        return new Form(action, fields);
    }

    public Task<HttpResponseMessage> PostAsync(string url, IDictionary<string, string> fields) =>
        _http.PostAsync(url, new FormUrlEncodedContent(fields));

    /// <summary>Signs in on one instance through the login form; throws with the page if the app did not accept it.</summary>
    public async Task SignInAsync(string baseUrl, string email, string password)
    {
        var form = await GetFormAsync(baseUrl + "/Account/Login");
        form.Fields["Input.Email"] = email;
        form.Fields["Input.Password"] = password;
        var response = await PostAsync(baseUrl + form.Action, form.Fields);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("/Account/Login") == true)
            throw new InvalidOperationException($"Sign-in of {email} on {baseUrl} was refused: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>
/// What a TLS-terminating proxy on the same machine does for the app processes (Production, plain http on loopback):
/// it tells the app the client came over https (X-Forwarded-Proto; loopback is a trusted proxy by default), and, as the
/// browser would over https, it keeps and returns the app's Secure cookies.
/// </summary>
public sealed class TlsProxy(CookieContainer cookies) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var https = new UriBuilder(request.RequestUri!) { Scheme = "https" }.Uri;
        request.Headers.Remove("X-Forwarded-Proto");
        request.Headers.Add("X-Forwarded-Proto", "https");
        var header = cookies.GetCookieHeader(https);
        if (header.Length > 0) request.Headers.Add("Cookie", header);
        var response = await base.SendAsync(request, ct);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var c in set) cookies.SetCookies(https, c);
        return response;
    }
}
