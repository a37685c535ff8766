using ClinicAdmin.Web.Platform.Security;
using System.Diagnostics;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Tests.Infrastructure;
using ClinicAdmin.Web.Tests.Features.Patients;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicAdmin.Web.Tests.Security.HostileInput;

/// <summary>
/// Submits every discovered form with one field at a time replaced by each hostile value (the other fields keep what the
/// page rendered, or a valid value seen on another form), plus the field missing and duplicated, a wrong and a missing
/// anti-forgery token, and the post by a role without the page's policy. After each submission: never a 500, no live
/// element from the payload on the answer or the page it leads to, a re-shown form keeps the typed values, no invalid
/// row in the database (checked after every accepted post), and nothing changed by a refused one.
/// </summary>
public sealed class HostileInputPass(ClinicApp app)
{
    public sealed record Report(int Forms, int GetForms, int Combinations, IReadOnlyList<string> Failures, IReadOnlyList<string> FormsTried, IReadOnlyList<string> Unreached, TimeSpan Took);

    private static readonly string[] RoleOrder = [Roles.PracticeManager, Roles.Clinician, Roles.FrontDesk, Roles.MedicalDirector];
    private readonly Dictionary<string, ClinicClient> _clients = [];
    private ClinicClient _anonymous = null!;
    private readonly List<string> _failures = [];
    private readonly HashSet<string> _failureKeys = [];
    private readonly Dictionary<string, string> _defaults = [];
    private readonly List<DiscoveredForm> _getForms = [];
    private int _combinations;
    private readonly List<string> _timings = [];
    private int _restores;
    private TimeSpan _integrityTime, _restoreTime;

    public async Task<Report> RunAsync()
    {
        var watch = Stopwatch.StartNew();
        await RestoreAsync(signIn: true);
        var catalog = await PageCatalog.AllAsync(app.Services);
        var forms = await DiscoverAsync(catalog);
        foreach (var form in forms)
        {
            var (started, count, restores) = (watch.Elapsed, _combinations, _restores);
            await TryFormAsync(form);
            _timings.Add($"{form.Key}: {_combinations - count} submissions, {_restores - restores} reseeds, {(watch.Elapsed - started).TotalSeconds:0.0} s");
        }
        foreach (var form in _getForms)
        {
            var (started, count) = (watch.Elapsed, _combinations);
            await TryGetFormAsync(form);
            _timings.Add($"GET {form.Key}: {_combinations - count} requests, {(watch.Elapsed - started).TotalSeconds:0.0} s");
        }
        var reached = forms.Select(f => f.Page?.Model).ToHashSet();
        // A page that accepts posts but whose form the crawl never reached is a gap in the seed data or the links: say so.
        var unreached = catalog.Where(p => p.Handlers.Any(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)))
            // The sign-in code form shows only between the password and the code of an enrolled account, which the role
            // accounts are not; Security/TwoFactorTests posts wrong, used and locked-out codes to it.
            .Where(p => !reached.Contains(p.Model) && p.Route is not "/Account/Logout" and not "/Error" and not "/Account/LoginCode")
            .Select(p => p.Route).ToList();
        _timings.Add($"integrity checks {_integrityTime.TotalSeconds:0.0} s, reseeds {_restoreTime.TotalSeconds:0.0} s");
        return new Report(forms.Count, _getForms.Count, _combinations, _failures, _timings, unreached, watch.Elapsed);
    }

    // ---- state ------------------------------------------------------------------------------------------------

    /// <summary>Back to the seeded clinic (same ids every time) and, if asked, fresh sign-ins.</summary>
    private async Task RestoreAsync(bool signIn)
    {
        var started = Stopwatch.GetTimestamp();
        try { await RestoreCoreAsync(signIn); }
        finally { _restoreTime += Stopwatch.GetElapsedTime(started); }
    }

    private async Task RestoreCoreAsync(bool signIn)
    {
        await app.ResetAsync();
        RecordData.FreezeClock(app);
        await HostileSeed.SeedAsync(app);
        if (!signIn) return;
        foreach (var c in _clients.Values) c.Dispose();
        _clients.Clear();
        foreach (var role in RoleOrder) _clients[role] = await app.SignInAsync(role);
        _anonymous = app.Anonymous();
    }

    private ClinicClient ClientOf(string? role) => role is null ? _anonymous : _clients[role];

    // ---- discovery --------------------------------------------------------------------------------------------

    private async Task<List<DiscoveredForm>> DiscoverAsync(IReadOnlyList<PageCatalog.PageInfo> catalog)
    {
        var starts = catalog.Where(p => p.Handlers.Any(h => h.Name is null && string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase)))
            .Select(p => PageCatalog.UrlOf(p, null)).Where(u => !u.Contains("/Account/Logout")).Distinct().ToList();
        var testAccounts = RoleOrder.Select(app.UserIdOf).ToList();
        // The test roles' own accounts are never edited by the pass (a changed password would lock later tests out).
        bool Skip(string url) => testAccounts.Any(id => url.Contains(id, StringComparison.OrdinalIgnoreCase)) || url.Contains("/Account/Logout")
                                 || url.Contains("/Documents/Download", StringComparison.OrdinalIgnoreCase);
        var found = new List<DiscoveredForm>();
        var keys = new HashSet<string>();
        var getKeys = new HashSet<string>();
        foreach (var role in RoleOrder.Cast<string?>().Append(null))
        {
            var client = ClientOf(role);
            var roleStarts = role is null
                ? starts.Where(u => PageCatalog.AnonymousPages.Any(a => u.StartsWith(a, StringComparison.OrdinalIgnoreCase))).Concat(HostileSeed.EntryUrls).ToList()
                : starts;
            foreach (var (url, doc) in await FormDiscovery.CrawlAsync(client, roleStarts, Skip))
            {
                foreach (var form in FormDiscovery.GetForms(doc))
                    // /Audit and /Audit/Index are one page: one entry.
                    if (getKeys.Add(FormDiscovery.KeyOf(form, url).Replace("/Index ", " ", StringComparison.OrdinalIgnoreCase)))
                        _getForms.Add(new DiscoveredForm(role, url, FormDiscovery.KeyOf(form, url), FormDiscovery.ActionOf(form, url).Split('?')[0], null));
                foreach (var form in FormDiscovery.PostForms(doc))
                {
                    foreach (var f in FormDiscovery.FieldsOf(form).Where(f => f.Value.Length > 0 && f.Kind is FieldKind.Text or FieldKind.Number or FieldKind.Date))
                        _defaults.TryAdd(f.Name, f.Value);
                    var key = FormDiscovery.KeyOf(form, url);
                    if (!keys.Add(key)) continue;
                    var action = FormDiscovery.ActionOf(form, url).Split('?')[0].TrimEnd('/');
                    var page = catalog.FirstOrDefault(p => string.Equals(p.Route.TrimEnd('/'), action, StringComparison.OrdinalIgnoreCase))
                               ?? catalog.FirstOrDefault(p => string.Equals(p.Route, action + "/Index", StringComparison.OrdinalIgnoreCase));
                    found.Add(new DiscoveredForm(role, url, key, action, page));
                }
            }
        }
        return found;
    }

    // ---- one form ---------------------------------------------------------------------------------------------

    private abstract record Variant(string Label);
    private sealed record Replace(FormField Field, HostileValue Value) : Variant($"{Field.Name} = {Value.Name}");
    private sealed record Missing(FormField Field) : Variant($"{Field.Name} missing");
    private sealed record Duplicated(FormField Field) : Variant($"{Field.Name} twice");
    private sealed record WrongToken(bool Omit) : Variant(Omit ? "no anti-forgery token" : "wrong anti-forgery token");
    private sealed record WrongRole(string Role) : Variant($"posted by {Vocabulary.Role(Role)}");

    private async Task TryFormAsync(DiscoveredForm target)
    {
        var (doc, form) = await LoadAsync(target);
        if (form is null)
        {
            await RestoreAsync(signIn: false);
            (doc, form) = await LoadAsync(target);
            if (form is null) { Fail(target, "load", "the form could not be shown again after a reset"); return; }
        }
        var fields = FormDiscovery.FieldsOf(form);
        var variants = new List<Variant>();
        foreach (var field in fields.Where(f => f.Name != "__Invariant")) // the framework's own marker of culture-invariant fields
        {
            variants.AddRange(HostileValues.For(field.Kind).Select(v => new Replace(field, v)));
            variants.Add(new Missing(field));
            variants.Add(new Duplicated(field));
        }
        variants.Add(new WrongToken(Omit: false));
        variants.Add(new WrongToken(Omit: true));
        if (target.Page?.Authorize?.Policy is { } policy && Policies.RolesOf[policy] is var allowed && RoleOrder.FirstOrDefault(r => !allowed.Contains(r)) is { } outsider)
            variants.Add(new WrongRole(outsider));

        foreach (var variant in variants)
        {
            if (form is null)
            {
                (doc, form) = await LoadAsync(target);
                if (form is null)
                {
                    // The last accepted post used the form up (signed off, deactivated, cancelled): start again from the seed.
                    await RestoreAsync(signIn: false);
                    _restores++;
                    (doc, form) = await LoadAsync(target);
                    if (form is null) { Fail(target, variant.Label, "the form could not be shown again after a reset"); return; }
                }
            }
            var accepted = await SubmitAsync(target, form, variant);
            if (accepted) form = null;
        }
        await IntegrityHoldsAsync(target, "(after all values)");
    }

    /// <summary>
    /// A GET form (a filter or search) with each field replaced by each value, missing and duplicated: its fields land in
    /// the address and on the page again, so never a 500 and never live markup; a GET must store nothing invalid.
    /// </summary>
    private async Task TryGetFormAsync(DiscoveredForm target)
    {
        var client = ClientOf(target.Role);
        var page = await client.GetAsync(target.PageUrl);
        var form = page.StatusCode == HttpStatusCode.OK
            ? FormDiscovery.GetForms(await ClinicClient.ReadAsync(page)).FirstOrDefault(f => FormDiscovery.KeyOf(f, target.PageUrl) == target.Key)
            : null;
        if (form is null) { Fail(target, "load", "the filter could not be shown again"); return; }
        var fields = FormDiscovery.FieldsOf(form);
        var baseline = ClinicClient.FieldsOf(form);
        var requests = new List<(string Label, List<KeyValuePair<string, string>> Query)>();
        foreach (var field in fields)
        {
            foreach (var value in HostileValues.For(field.Kind == FieldKind.Hidden ? FieldKind.Text : field.Kind))
                requests.Add(($"{field.Name} = {value.Name}", [.. baseline.Where(f => f.Key != field.Name), new(field.Name, value.Value)]));
            requests.Add(($"{field.Name} missing", [.. baseline.Where(f => f.Key != field.Name)]));
            requests.Add(($"{field.Name} twice", [.. baseline, new(field.Name, field.Options.FirstOrDefault(o => o != field.Value) ?? "2")]));
        }
        foreach (var (label, query) in requests)
        {
            var url = target.ActionPath + "?" + string.Join("&", query.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value)));
            HttpResponseMessage response;
            try { response = await client.Http.GetAsync(url); }
            catch (Exception e) { Fail(target, label, $"the request threw {e.GetType().Name}: {e.Message}"); continue; }
            _combinations++;
            var status = (int)response.StatusCode;
            if (status >= 500) { Fail(target, label, $"answered {status}"); continue; }
            if (status is 302 or 303 && response.Headers.Location?.ToString() is { } to && to.Contains("/Account/"))
                Fail(target, label, $"sent the user to {to}");
            CheckNoLiveInjection(target, label, await response.Content.ReadAsStringAsync(), "the filtered page");
        }
        await IntegrityHoldsAsync(target, "(after all filter values)");
    }

    /// <summary>
    /// "Confirm it is you" counts wrong passwords towards the lockout and ends the session when it locks: the full pass
    /// types more wrong passwords than the lockout allows, so being sent to sign in there is the protection working.
    /// </summary>
    private static bool IsLockoutOfConfirmation(DiscoveredForm target, HttpResponseMessage response) =>
        target.PageUrl.StartsWith("/Account/Reauthenticate", StringComparison.OrdinalIgnoreCase)
        && response.Headers.Location?.ToString().StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase) == true;

    private async Task<(IHtmlDocument? Doc, IHtmlFormElement? Form)> LoadAsync(DiscoveredForm target)
    {
        var response = await ClientOf(target.Role).GetAsync(target.PageUrl);
        if (response.StatusCode == HttpStatusCode.Redirect && target.Role is not null && response.Headers.Location?.ToString().Contains("/Account/Login") == true)
        {
            // The post ended this session: the account's role changed, or wrong passwords on "Confirm it is you" locked
            // it (the full pass tries more than the lockout allows). Start again from the seed, everyone signed in.
            await RestoreAsync(signIn: true);
            _restores++;
            response = await ClientOf(target.Role).GetAsync(target.PageUrl);
        }
        if (target.Role is null) response = await FormDiscovery.FollowLocalAsync(ClientOf(null), response);
        if (response.StatusCode != HttpStatusCode.OK) return (null, null);
        var doc = await ClinicClient.ReadAsync(response);
        return (doc, FormDiscovery.PostForms(doc).FirstOrDefault(f => FormDiscovery.KeyOf(f, target.PageUrl) == target.Key));
    }

    /// <summary>One submission and its checks. True when the post was accepted (a redirect): the page must be reloaded.</summary>
    private async Task<bool> SubmitAsync(DiscoveredForm target, IHtmlFormElement form, Variant variant)
    {
        var posted = Baseline(form);
        string? sent = null;
        switch (variant)
        {
            case Replace r:
                posted.RemoveAll(f => f.Key == r.Field.Name);
                posted.Add(new(r.Field.Name, r.Value.Value));
                sent = r.Value.Value;
                break;
            case Missing m: posted.RemoveAll(f => f.Key == m.Field.Name); break;
            case Duplicated d:
                var current = posted.FirstOrDefault(f => f.Key == d.Field.Name).Value ?? "";
                var other = d.Field.Options.FirstOrDefault(o => o != current) ?? (current == "1" ? "2" : "1");
                posted.Add(new(d.Field.Name, other));
                break;
            case WrongToken t:
                var token = posted.First(f => f.Key == "__RequestVerificationToken").Value;
                posted.RemoveAll(f => f.Key == "__RequestVerificationToken");
                if (!t.Omit) posted.Add(new("__RequestVerificationToken", token[..^8] + "AAAAAAAA"));
                break;
        }
        var client = variant is WrongRole wr ? _clients[wr.Role] : ClientOf(target.Role);
        if (variant is WrongRole)
        {
            posted.RemoveAll(f => f.Key == "__RequestVerificationToken");
            posted.Add(new("__RequestVerificationToken", await client.AntiforgeryTokenAsync()));
        }
        var mustNotChange = variant is WrongToken or WrongRole;
        var before = mustNotChange ? await app.InDbAsync(DataIntegrity.FingerprintAsync) : null;

        var url = FormDiscovery.ActionOf(form, target.PageUrl);
        HttpResponseMessage response;
        try { response = await client.Http.PostAsync(url, new FormUrlEncodedContent(posted)); }
        catch (Exception e) { Fail(target, variant.Label, $"the request threw {e.GetType().Name}: {e.Message}"); return true; }
        _combinations++;
        var status = (int)response.StatusCode;
        var html = await response.Content.ReadAsStringAsync();
        if (status >= 500) { Fail(target, variant.Label, $"answered {status}"); return true; }
        CheckNoLiveInjection(target, variant.Label, html, "the answer");

        if (mustNotChange)
        {
            var refused = variant is WrongToken
                ? status == 400
                : status == 403 || (status == 302 && response.Headers.Location?.ToString().Contains("AccessDenied") == true);
            if (!refused) Fail(target, variant.Label, $"was not refused (answered {status} {response.Headers.Location})");
            var after = await app.InDbAsync(DataIntegrity.FingerprintAsync);
            if (after != before) Fail(target, variant.Label, "changed the database although refused: " + FirstDifference(before!, after));
            return !refused;
        }

        var redirected = status is 302 or 303;
        if (redirected && response.Headers.Location is { } next && !next.ToString().Contains("/Account/"))
        {
            var page = await client.GetAsync(next.ToString());
            if ((int)page.StatusCode >= 500) Fail(target, variant.Label, $"the page after saving ({next}) answered {(int)page.StatusCode}");
            else CheckNoLiveInjection(target, variant.Label, await page.Content.ReadAsStringAsync(), $"the page after saving ({next})");
        }
        else if (redirected && !IsLockoutOfConfirmation(target, response))
            Fail(target, variant.Label, $"sent the user to {response.Headers.Location}");
        if (status == 200 && variant is Replace replace && sent is not null)
            CheckValuesKept(target, variant.Label, html, posted, replace.Field);
        // A re-shown form must not have stored anything either: every row is checked at the end of the form (TryFormAsync).
        // The fast pass checks once per form (the problem names the row and field); the full pass after every accepted post.
        if (redirected && HostileValues.Full && !await IntegrityHoldsAsync(target, variant.Label)) return true;
        return redirected;
    }

    /// <summary>Every row valid; if not, the failure is recorded and the seed restored so later forms start clean.</summary>
    private async Task<bool> IntegrityHoldsAsync(DiscoveredForm target, string variant)
    {
        var started = Stopwatch.GetTimestamp();
        var problems = await app.InDbAsync(db => DataIntegrity.ProblemsAsync(db, app.Clock.GetUtcNow().UtcDateTime));
        _integrityTime += Stopwatch.GetElapsedTime(started);
        if (problems.Count == 0) return true;
        Fail(target, variant, "left an invalid row: " + string.Join("; ", problems.Take(3)));
        await RestoreAsync(signIn: false);
        return false;
    }

    /// <summary>The fields as the browser would send them, with empty required fields given a valid value seen elsewhere.</summary>
    private List<KeyValuePair<string, string>> Baseline(IHtmlFormElement form)
    {
        var posted = ClinicClient.FieldsOf(form);
        foreach (var field in FormDiscovery.FieldsOf(form).Where(f => f.Required && f.Value.Length == 0 && f.Kind is FieldKind.Text or FieldKind.Number or FieldKind.Date))
        {
            var value = _defaults.GetValueOrDefault(field.Name) ?? Fallback(form, field);
            if (value is null) continue;
            posted.RemoveAll(f => f.Key == field.Name);
            posted.Add(new(field.Name, value));
        }
        return posted;
    }

    private static string? Fallback(IHtmlFormElement form, FormField field)
    {
        var type = form.QuerySelector($"[name='{field.Name}']")?.GetAttribute("type");
        return type switch
        {
            "date" => RecordData.Today.AddDays(-1).ToString("yyyy-MM-dd"),
            "datetime-local" => RecordData.Today.AddDays(-1).ToString("yyyy-MM-dd") + "T10:00",
            "time" => "10:00",
            "month" => RecordData.Today.ToString("yyyy-MM"),
            "number" => "1",
            "email" => "someone@clinic.example",
            _ => field.Kind == FieldKind.Text ? "Valid text" : null,
        };
    }

    // ---- checks -----------------------------------------------------------------------------------------------

    /// <summary>No element or attribute the payloads could have injected: the app itself has no inline script or handlers (CSP).</summary>
    private void CheckNoLiveInjection(DiscoveredForm target, string variant, string html, string where)
    {
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var live = new List<string>();
        foreach (var e in doc.QuerySelectorAll("*"))
        {
            if (e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))) live.Add($"<{e.LocalName} {e.Attributes.First(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).Name}>");
            if (e.LocalName == "script" && !(e.GetAttribute("src") ?? "").StartsWith('/')) live.Add("<script> without the app's own src");
            if (e.LocalName is "iframe" or "object" or "embed") live.Add($"<{e.LocalName}>");
            if (e.LocalName == "img" && e.GetAttribute("src") == "x") live.Add("<img src=x>");
        }
        if (live.Count > 0) Fail(target, variant, $"{where} has live injected markup: {string.Join(", ", live.Distinct())}");
    }

    /// <summary>When the form is re-shown, every text, number and date field the user sent is there with its value.</summary>
    private void CheckValuesKept(DiscoveredForm target, string variant, string html, List<KeyValuePair<string, string>> posted, FormField changed)
    {
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var again = FormDiscovery.PostForms(doc).FirstOrDefault(f => FormDiscovery.KeyOf(f, target.PageUrl) == target.Key);
        if (again is null) return; // another page (e.g. a confirmation): nothing to compare
        // Fields in a hidden section (e.g. a facility address while "same as billing" is ticked) were not typed by the user.
        var unseen = again.QuerySelectorAll(".d-none [name]").Select(e => e.GetAttribute("name")!).ToHashSet();
        var shown = FormDiscovery.FieldsOf(again).Where(f => !unseen.Contains(f.Name)).GroupBy(f => f.Name).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single());
        foreach (var group in posted.GroupBy(p => p.Key).Where(g => g.Count() == 1))
        {
            if (!shown.TryGetValue(group.Key, out var field) || field.Kind is not (FieldKind.Text or FieldKind.Number or FieldKind.Date)) continue;
            var typed = Normalise(group.Single().Value);
            var now = Normalise(field.Value);
            if (typed == now || string.Equals(typed, now, StringComparison.OrdinalIgnoreCase)) continue;
            Fail(target, variant, $"re-shown form lost {field.Name}: sent “{Short(typed)}”, shows “{Short(now)}”" + (field.Name == changed.Name ? "" : " (not the changed field)"));
        }
    }

    private static string Normalise(string v) => v.Replace("\r\n", "\n").Replace('\0', '\uFFFD').Trim();

    private static string Short(string v) => v.Length > 40 ? v[..40] + $"… ({v.Length} chars)" : v;

    private static string FirstDifference(string a, string b)
    {
        var la = a.Split('\n'); var lb = b.Split('\n');
        for (var i = 0; i < Math.Max(la.Length, lb.Length); i++)
        {
            var x = i < la.Length ? la[i] : ""; var y = i < lb.Length ? lb[i] : "";
            if (x != y) return $"“{Short(x)}” became “{Short(y)}”";
        }
        return "(same)";
    }

    private void Fail(DiscoveredForm target, string variant, string what)
    {
        // One line per form, check and field, so a systematic fault is one finding, not fifty.
        var field = variant.Split(' ')[0];
        if (!_failureKeys.Add($"{target.Key}|{field}|{what.Split(':')[0]}")) return;
        _failures.Add($"{target.ActionPath} [{variant}] as {target.Role ?? "anonymous"}: {what}");
    }
}
