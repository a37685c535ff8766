using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace ClinicAdmin.Web.Features.Settings;

/// <summary>
/// The one address of the clinic's logo (<see cref="ClinicBrand.LogoPath"/>), for staff pages and for the anonymous patient
/// link page: a logo is not patient data. Served with an ETag; with the hash in the address (?v=) a browser keeps it until
/// the logo changes. nosniff and the stored type (from the bytes, PNG or JPEG only) keep it an image.
/// </summary>
[AllowAnonymous]
public class LogoImageModel(ClinicBrand brand) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? v, CancellationToken ct)
    {
        var logo = await brand.LogoAsync();
        if (logo is null) return NotFound();
        var etag = new EntityTagHeaderValue($"\"{logo.Sha256}\"");
        SecurityHeaders.AllowCaching(HttpContext);
        Response.Headers.CacheControl = v == logo.Sha256[..16] ? "public, max-age=31536000, immutable" : "no-cache";
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.ContentDisposition = "inline";
        Response.Headers.ETag = etag.ToString();
        if (Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(etag, useStrongComparison: false) || t.Equals(EntityTagHeaderValue.Any)))
            return StatusCode(StatusCodes.Status304NotModified);
        var bytes = await brand.LogoBytesAsync(logo.Id, ct);
        return bytes is null ? NotFound() : File(bytes, logo.ContentType);
    }
}
