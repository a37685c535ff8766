using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ClinicAdmin.Web.PageKit;

/// <summary>
/// One look for "nothing here" on every page, and always the next step, so an empty list never leaves a clinic worker
/// hunting: <c>&lt;empty-state id="no-staff" icon="people" action-href="…" action-text="Clear the filters"&gt;No one
/// matches these filters.&lt;/empty-state&gt;</c>. The action is left out when the person may not take it (no href).
/// </summary>
[HtmlTargetElement("empty-state")]
public sealed class EmptyStateTagHelper(HtmlEncoder encoder) : TagHelper
{
    /// <summary>A Bootstrap icon name without "bi-".</summary>
    public string Icon { get; set; } = "inbox";
    public string? ActionHref { get; set; }
    public string? ActionText { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var message = (await output.GetChildContentAsync()).GetContent();
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        var css = output.Attributes.TryGetAttribute("class", out var given) ? $"empty-state {given.Value}" : "empty-state";
        output.Attributes.SetAttribute("class", css);
        output.Content.SetHtmlContent($"<i class=\"bi bi-{encoder.Encode(Icon)}\" aria-hidden=\"true\"></i><p class=\"empty-state-text\">{message}</p>");
        if (!string.IsNullOrEmpty(ActionHref) && !string.IsNullOrEmpty(ActionText))
            output.Content.AppendHtml($"<a class=\"btn btn-sm btn-outline-primary empty-state-action\" href=\"{encoder.Encode(ActionHref)}\">{encoder.Encode(ActionText)}</a>");
    }
}
