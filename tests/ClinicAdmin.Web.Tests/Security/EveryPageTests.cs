using ClinicAdmin.Web.Platform.Security;
using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Security;

/// <summary>Checks that hold for every page, found from the running app: no page can be forgotten.</summary>
public abstract class EveryPageTests(ClinicApp app) : PageTest(app)
{
    // Razor Pages reports handler verbs as "Get"/"Post": compare without case.
    private static bool IsGet(Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure.HandlerMethodDescriptor? h) => string.Equals(h?.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase);
    private static bool IsPost(Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure.HandlerMethodDescriptor? h) => string.Equals(h?.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task The_checks_below_see_get_and_post_handlers()
    {
        var pages = await PageCatalog.AllAsync(App.Services);
        pages.SelectMany(p => p.Handlers).Count(h => IsGet(h)).ShouldBeGreaterThan(3);
        pages.SelectMany(p => p.Handlers).Count(h => IsPost(h)).ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task The_catalog_finds_the_pages()
    {
        var pages = await PageCatalog.AllAsync(App.Services);
        pages.Select(p => p.Route).ShouldContain("/Account/Login");
        pages.Count.ShouldBeGreaterThan(4);
    }

    [Fact]
    public async Task Every_page_declares_a_role_policy_or_is_a_known_anonymous_page()
    {
        foreach (var page in await PageCatalog.AllAsync(App.Services))
        {
            if (PageCatalog.AnonymousPages.Contains(page.Route)) { page.AllowsAnonymous.ShouldBeTrue(page.Route); continue; }
            page.AllowsAnonymous.ShouldBeFalse($"{page.Route} must not allow anonymous access");
            page.Authorize.ShouldNotBeNull($"{page.Route} has no [Authorize(Policy = ...)]");
            Policies.RolesOf.Keys.ShouldContain(page.Authorize!.Policy, $"{page.Route} must name one of the policies in Policies.cs");
        }
    }

    [Fact]
    public async Task Anonymous_users_are_sent_to_sign_in_from_every_page_and_handler()
    {
        var client = App.Anonymous();
        foreach (var page in await PageCatalog.AllAsync(App.Services))
        {
            if (PageCatalog.AnonymousPages.Contains(page.Route)) continue;
            var handlers = page.Handlers.Count == 0 ? [null] : page.Handlers.Cast<Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure.HandlerMethodDescriptor?>().ToList();
            foreach (var handler in handlers)
            {
                var url = PageCatalog.UrlOf(page, handler);
                var response = IsPost(handler)
                    ? await client.Http.PostAsync(url, new FormUrlEncodedContent([]))
                    : await client.GetAsync(url);
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{handler?.HttpMethod ?? "GET"} {url}");
                response.Headers.Location!.ToString().ShouldContain("/Account/Login", customMessage: url);
            }
        }
    }

    [Theory]
    [InlineData(Roles.PracticeManager)]
    [InlineData(Roles.MedicalDirector)]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.FrontDesk)]
    public async Task Each_role_opens_exactly_the_pages_its_policy_allows_and_none_fails(string role)
    {
        var client = await App.SignInAsync(role);
        foreach (var page in await PageCatalog.AllAsync(App.Services))
        {
            if (PageCatalog.AnonymousPages.Contains(page.Route) || page.Handlers.All(h => !IsGet(h))) continue;
            var getHandler = page.Handlers.FirstOrDefault(h => IsGet(h) && h.Name is null);
            if (getHandler is null) continue;
            var url = PageCatalog.UrlOf(page, null);
            var response = await client.GetAsync(url);
            var allowed = Policies.RolesOf[page.Authorize!.Policy!].Contains(role);
            if (allowed)
                ((int)response.StatusCode).ShouldBeOneOf([200, 302, 404], $"{role} GET {url}");
            else
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{role} must be refused {url}");
                response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied", customMessage: url);
            }
            if (allowed && response.StatusCode == HttpStatusCode.Redirect)
                response.Headers.Location!.ToString().ShouldNotContain("AccessDenied", customMessage: url);
        }
    }

    [Theory]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.FrontDesk)]
    public async Task A_role_without_the_policy_cannot_post_to_any_handler(string role)
    {
        var client = await App.SignInAsync(role);
        foreach (var page in await PageCatalog.AllAsync(App.Services))
        {
            if (PageCatalog.AnonymousPages.Contains(page.Route) || Policies.RolesOf[page.Authorize!.Policy!].Contains(role)) continue;
            foreach (var handler in page.Handlers.Where(h => IsPost(h)))
            {
                var url = PageCatalog.UrlOf(page, handler);
                var response = await client.PostAsync(url, new() { ["id"] = "1" });
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{role} POST {url}");
                response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied", customMessage: url);
            }
        }
    }

    [Fact]
    public async Task Pages_send_the_security_headers()
    {
        var response = await App.Anonymous().GetAsync("/Account/Login");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("script-src 'self'");
        csp.ShouldNotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task No_page_has_inline_script_or_style_that_the_CSP_would_block()
    {
        foreach (var role in Roles.All)
        {
            var client = await App.SignInAsync(role);
            foreach (var page in await PageCatalog.AllAsync(App.Services))
            {
                if (!page.Handlers.Any(h => IsGet(h) && h.Name is null)) continue;
                var response = await client.GetAsync(PageCatalog.UrlOf(page, null));
                if (response.StatusCode != HttpStatusCode.OK) continue;
                var doc = await ClinicClient.ReadAsync(response);
                doc.QuerySelectorAll("script:not([src])").Length.ShouldBe(0, $"inline script on {page.Route}");
                doc.QuerySelectorAll("[style]").Length.ShouldBe(0, $"inline style on {page.Route}");
                doc.QuerySelectorAll("*").SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on")).ShouldBeEmpty($"inline handler on {page.Route}");
            }
        }
    }

    [Fact]
    public async Task Every_post_form_carries_an_antiforgery_token_and_a_post_without_it_is_refused()
    {
        var client = await App.SignInAsync(Domain.Common.Roles.PracticeManager);
        var response = await client.Http.PostAsync("/Account/Logout", new FormUrlEncodedContent([]));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        foreach (var page in await PageCatalog.AllAsync(App.Services))
        {
            if (!page.Handlers.Any(h => IsGet(h) && h.Name is null)) continue;
            var r = await client.GetAsync(PageCatalog.UrlOf(page, null));
            if (r.StatusCode != HttpStatusCode.OK) continue;
            var doc = await ClinicClient.ReadAsync(r);
            foreach (var form in doc.QuerySelectorAll("form[method=post]"))
                form.QuerySelector("input[name=__RequestVerificationToken]").ShouldNotBeNull($"form without token on {page.Route}");
        }
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class EveryPageTests_Sqlite(SqliteApp app) : EveryPageTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class EveryPageTests_PostgreSql(PostgreSqlApp app) : EveryPageTests(app);
