using System.ComponentModel.DataAnnotations;
using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinicAdmin.Web.Features.Settings;

/// <summary>
/// The clinic's logo: upload a PNG or JPEG, replace it, or remove it. The file is judged by its bytes
/// (<see cref="LogoImage.Inspect"/>); anything else gets a sentence beside the field and the old logo stays.
/// </summary>
[Authorize(Policy = Policies.ManageAdmin)]
// A little room above the logo limit so an oversized file still reaches the page and gets a sentence, not a bare 413.
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit), RequestSizeLimit(UploadLimit + 64 * 1024)]
public class LogoModel(ClinicBrand brand, ClinicLogos logos, ILogger<LogoModel> log) : PageModel
{
    public const int UploadLimit = 8 * 1024 * 1024;
    public const string FileField = nameof(LogoFile);

    [BindProperty, Display(Name = "Logo file")] public IFormFile? LogoFile { get; set; }

    public ClinicBrand.Logo? Current { get; private set; }
    public string ClinicName { get; private set; } = "";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var tooBigOrEmpty = LogoFile is null ? "Choose a PNG or JPEG file of the logo." : LogoImage.SizeProblem(LogoFile.Length);
        if (tooBigOrEmpty is not null) return await RefuseAsync(tooBigOrEmpty);
        var bytes = new byte[LogoFile!.Length];
        await using (var stream = LogoFile.OpenReadStream()) await stream.ReadExactlyAsync(bytes, ct);
        var (image, problem) = LogoImage.Inspect(bytes);
        if (image is null) return await RefuseAsync(problem!);
        await logos.SaveAsync(image, bytes, LogoFile.FileName, ct);
        log.LogInformation("Clinic logo replaced ({Bytes} bytes, {Width}x{Height} {Type})", bytes.Length, image.Width, image.Height, image.ContentType);
        TempData["Flash"] = "Logo saved. It shows on every page and on the patients' superbill link page.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        TempData["Flash"] = await logos.RemoveAsync(ct) ? "Logo removed. Pages show the clinic's name alone." : "There was no logo to remove.";
        log.LogInformation("Clinic logo removed");
        return RedirectToPage();
    }

    private async Task<IActionResult> RefuseAsync(string problem)
    {
        ModelState.AddModelError(FileField, problem);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Current = await brand.LogoAsync();
        ClinicName = await brand.NameAsync();
    }
}
