using System.ComponentModel.DataAnnotations;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Features;

/// <summary>
/// Forms that help before a round-trip (issue 14): the tag helper turns the model's annotations into the browser's
/// constraint attributes, which site.js checks all at once on submit (the browser test sees that part).
/// </summary>
public abstract class FormHelpTests(ClinicApp app) : PageTest(app)
{
    public sealed class Sample
    {
        [Required, Range(1, 90)] public int? Days { get; set; }
        [StringLength(50, MinimumLength = 3)] public string? Code { get; set; }
        [Range(typeof(decimal), "0.01", "2")] public decimal? Units { get; set; }
        public string? Note { get; set; }
    }

    private TagHelperOutput Render(string property, string? type, params (string Name, string Value)[] own)
    {
        var provider = App.Services.GetRequiredService<IModelMetadataProvider>();
        var explorer = provider.GetModelExplorerForType(typeof(Sample), new Sample()).GetExplorerForProperty(property);
        var attributes = new TagHelperAttributeList();
        if (type is not null) attributes.Add("type", type);
        foreach (var (name, value) in own) attributes.Add(name, value);
        var output = new TagHelperOutput("input", attributes, (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        FormHelp.AddConstraints(output, new ModelExpression(property, explorer), type);
        return output;
    }

    private static string? Value(TagHelperOutput o, string name) => o.Attributes[name]?.Value?.ToString();

    [Fact]
    public void Required_and_range_become_required_min_max_and_a_number_pad_for_a_whole_number_typed_as_text()
    {
        var days = Render(nameof(Sample.Days), "text");
        (Value(days, "required"), Value(days, "min"), Value(days, "max"), Value(days, "inputmode")).ShouldBe(("required", "1", "90", "numeric"));
    }

    [Fact]
    public void A_decimal_range_keeps_its_fraction_and_gets_the_decimal_pad()
    {
        var units = Render(nameof(Sample.Units), "text");
        (Value(units, "min"), Value(units, "max"), Value(units, "inputmode"), Value(units, "required")).ShouldBe(("0.01", "2", "decimal", null));
    }

    [Fact]
    public void A_minimum_length_becomes_minlength_and_a_plain_field_gets_nothing()
    {
        Value(Render(nameof(Sample.Code), null), "minlength").ShouldBe("3");
        var note = Render(nameof(Sample.Note), "text");
        note.Attributes.Select(a => a.Name).ShouldBe(["type"]);
    }

    [Fact]
    public void What_the_page_wrote_itself_wins_and_hidden_fields_are_left_alone()
    {
        var days = Render(nameof(Sample.Days), "number", ("min", "5"), ("inputmode", "tel"));
        (Value(days, "min"), Value(days, "max"), Value(days, "inputmode")).ShouldBe(("5", "90", "tel"));
        Render(nameof(Sample.Days), "hidden").Attributes.Select(a => a.Name).ShouldBe(["type"]);
    }

    [Fact]
    public async Task A_real_form_carries_the_attributes_beside_the_servers_messages()
    {
        var doc = await (await App.SignInAsync(Roles.PracticeManager)).GetDocumentAsync("/Pricing/Edit");
        var name = doc.QuerySelector("input[name='Input.Name']")!;
        (name.HasAttribute("required"), name.GetAttribute("maxlength"), name.GetAttribute("data-val-required")).ShouldBe((true, "200", "Enter the service's name."));
        doc.QuerySelector("select[name='Input.Category']")!.HasAttribute("required").ShouldBeTrue();
        doc.QuerySelector("input[name='Input.DefaultUnits']")!.HasAttribute("required").ShouldBeTrue();
        doc.QuerySelector("input[name='Input.DefaultDurationMinutes']")!.HasAttribute("required").ShouldBeFalse();
        doc.QuerySelectorAll("form[method=post] input[type=hidden][required]").ShouldBeEmpty();
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class FormHelpTests_Sqlite(SqliteApp app) : FormHelpTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class FormHelpTests_PostgreSql(PostgreSqlApp app) : FormHelpTests(app);
