using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ClinicAdmin.Web.PageKit;

/// <summary>
/// Forms that help, for every form at once (issue 14): the summary above a form lists every problem as a link to its field,
/// each invalid field is marked and described by its message, and text fields carry the column's length as maxlength
/// (long ones get a live counter from site.js). These run after ASP.NET's own tag helpers and add to what they wrote.
/// </summary>
public static class FormHelp
{
    /// <summary>The id ASP.NET gives the input of a model key ("Input.Lines[0].Units" → "Input_Lines_0__Units").</summary>
    public static string IdOf(string key) => TagBuilder.CreateSanitizedId(key, "_");

    public static string ErrorIdOf(string key) => IdOf(key) + "-error";

    /// <summary>The longest text the field's model allows, from [StringLength] or [MaxLength].</summary>
    public static int? MaxLengthOf(ModelExpression? model) =>
        model?.Metadata.ValidatorMetadata.Select(v => v switch
        {
            StringLengthAttribute s => s.MaximumLength,
            MaxLengthAttribute m when m.Length > 0 => m.Length,
            _ => (int?)null,
        }).FirstOrDefault(n => n is not null);

    /// <summary>
    /// The browser's own constraint attributes from the model's annotations, so site.js can list every simple problem at
    /// once before a round-trip: [Required] → required, [Range] → min/max, [StringLength] minimum → minlength, and a
    /// number typed as text gets the phone's number pad. What the page wrote itself wins; the server still decides.
    /// </summary>
    public static void AddConstraints(TagHelperOutput output, ModelExpression? model, string? type)
    {
        if (model is null || type is "hidden" or "checkbox" or "radio" or "submit" or "button") return;
        var annotations = model.Metadata.ValidatorMetadata;
        void Set(string name, object value) { if (!output.Attributes.ContainsName(name)) output.Attributes.SetAttribute(name, value); }
        if (annotations.OfType<RequiredAttribute>().Any()) Set("required", "required");
        var isText = output.TagName == "textarea" || (output.TagName == "input" && type is null or "text" or "email" or "tel" or "search" or "url");
        if (isText && annotations.OfType<StringLengthAttribute>().FirstOrDefault() is { MinimumLength: > 0 } length) Set("minlength", length.MinimumLength);
        var numeric = Nullable.GetUnderlyingType(model.Metadata.ModelType) ?? model.Metadata.ModelType;
        var whole = numeric == typeof(int) || numeric == typeof(long) || numeric == typeof(short);
        var fraction = numeric == typeof(decimal) || numeric == typeof(double) || numeric == typeof(float);
        if (output.TagName == "input" && type is null or "text" && (whole || fraction)) Set("inputmode", whole ? "numeric" : "decimal");
        var takesRange = output.TagName == "input" && (type is "number" or "range" || (type is null or "text" && (whole || fraction)));
        if (takesRange && annotations.OfType<RangeAttribute>().FirstOrDefault() is { } range
            && Number(range.Minimum) is { } min && Number(range.Maximum) is { } maxValue)
        {
            Set("min", min);
            Set("max", maxValue);
        }
    }

    private static string? Number(object? bound) => bound switch
    {
        int i => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        double d when double.IsFinite(d) => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        string s when decimal.TryParse(s, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var m) => m.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>Fields this long or longer show a counter as the person types.</summary>
    public const int CounterFrom = 150;
}

/// <summary>The error summary: every problem of the form, in one place, each a link to its field.</summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    public override int Order => 100; // after ASP.NET's ValidationSummaryTagHelper

    [HtmlAttributeNotBound, ViewContext] public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var state = ViewContext.ModelState;
        if (state.IsValid) return;
        var problems = state.Where(e => e.Value?.ValidationState == ModelValidationState.Invalid)
            .SelectMany(e => e.Value!.Errors.Take(1).Select(err => (Key: e.Key, Message: string.IsNullOrEmpty(err.ErrorMessage) ? "This value is not valid." : err.ErrorMessage)))
            .ToList();
        if (problems.Count == 0) return;

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "alert alert-danger error-summary validation-summary-errors");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("id", "error-summary");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.RemoveAll("aria-labelledby");
        var list = new TagBuilder("ul");
        list.AddCssClass("mb-0");
        foreach (var (key, message) in problems)
        {
            var item = new TagBuilder("li");
            if (key == "") item.InnerHtml.Append(message); // about the whole form: nothing to jump to
            else
            {
                var link = new TagBuilder("a");
                link.Attributes["href"] = "#" + FormHelp.IdOf(key);
                link.AddCssClass("alert-link");
                link.InnerHtml.Append(message);
                item.InnerHtml.AppendHtml(link);
            }
            list.InnerHtml.AppendHtml(item);
        }
        var heading = new TagBuilder("p");
        heading.AddCssClass("fw-semibold mb-1");
        heading.InnerHtml.Append(problems.Count == 1 ? "Please correct this problem:" : $"Please correct these {problems.Count} problems:");
        output.Content.SetHtmlContent(heading);
        output.Content.AppendHtml(list);
    }
}

/// <summary>An invalid field is marked invalid and described by its message; a text field gets its column's maxlength.</summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class FieldHelpTagHelper : TagHelper
{
    public override int Order => 100;

    [HtmlAttributeName("asp-for")] public ModelExpression For { get; set; } = null!;
    [HtmlAttributeNotBound, ViewContext] public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var key = NameOf(For);
        var type = output.Attributes["type"]?.Value?.ToString();
        if (type is "hidden" or "checkbox" or "radio") return;
        if (ViewContext.ModelState.TryGetValue(key, out var entry) && entry.ValidationState == ModelValidationState.Invalid)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            var describedBy = output.Attributes["aria-describedby"]?.Value?.ToString();
            output.Attributes.SetAttribute("aria-describedby", string.Join(' ', new[] { FormHelp.ErrorIdOf(key), describedBy }.Where(s => !string.IsNullOrEmpty(s))));
            output.AddClass("is-invalid", System.Text.Encodings.Web.HtmlEncoder.Default);
        }
        if (output.TagName is "input" or "textarea" && type is null or "text" or "email" or "tel" or "search" or "url"
            && !output.Attributes.ContainsName("maxlength") && FormHelp.MaxLengthOf(For) is { } max)
        {
            output.Attributes.SetAttribute("maxlength", max);
            if (max >= FormHelp.CounterFrom || output.TagName == "textarea") output.Attributes.SetAttribute("data-counter", "");
        }
        FormHelp.AddConstraints(output, For, type);
    }

    private string NameOf(ModelExpression model) => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(model.Name);
}

/// <summary>The message beside a field gets the id the field's aria-describedby points at.</summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
[HtmlTargetElement("div", Attributes = "asp-validation-for")]
public sealed class FieldErrorIdTagHelper : TagHelper
{
    public override int Order => 100;

    [HtmlAttributeName("asp-validation-for")] public ModelExpression For { get; set; } = null!;
    [HtmlAttributeNotBound, ViewContext] public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!output.Attributes.ContainsName("id"))
            output.Attributes.SetAttribute("id", FormHelp.ErrorIdOf(ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name)));
    }
}
