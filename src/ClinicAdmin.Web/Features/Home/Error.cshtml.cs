using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinicAdmin.Web.Features.Home;

/// <summary>Friendly error page: shown for unhandled errors and status codes, without internals.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class ErrorModel : PageModel
{
    public string? RequestId { get; private set; }
    public string Heading { get; private set; } = "Something went wrong";
    public string Message { get; private set; } = "The request could not be completed. Nothing you entered was saved twice; please try again.";

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        (Heading, Message) = code switch
        {
            404 => ("Page not found", "There is no page at this address."),
            400 => ("The form could not be accepted", "The form had expired or was sent twice. Go back, reload the page and try again."),
            503 => ("Temporarily unavailable", "The database is not answering. The page will work again as soon as it is back."),
            _ => (Heading, Message),
        };
    }
}
