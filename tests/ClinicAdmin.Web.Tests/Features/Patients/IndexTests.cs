using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Web.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Features.Patients;

public abstract class IndexTests(ClinicApp app) : PageTest(app)
{
    private static Patient P(string first, string last, string dob, int mrn) =>
        new() { FirstName = first, LastName = last, DateOfBirth = DateOnly.Parse(dob), Mrn = $"MRN-{mrn:D6}" };

    private async Task SeedAsync() => await App.InsertAsync(
        P("John", "Smith", "1980-02-03", 100001), P("Jane", "smithers", "1975-11-30", 100002), P("Mary Ann", "SMITH", "1990-07-04", 100003),
        P("Juan", "de la Cruz", "1966-01-15", 100004), P("Ann", "Asmith", "1980-02-03", 100005), P("Zoë", "Ñúñez-O'Brien", "1999-12-31", 100006),
        P("Bob", "Jones", "1950-05-05", 100100));

    private async Task<List<string>> NamesAsync(string query)
    {
        var doc = await (await App.SignInAsync(Roles.FrontDesk)).GetDocumentAsync("/Patients/Index?q=" + Uri.EscapeDataString(query));
        return doc.QuerySelectorAll("#patients tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
    }

    [Theory]
    [InlineData("smi", new[] { "SMITH, Mary Ann", "Smith, John", "smithers, Jane" })]
    [InlineData("SMITH", new[] { "SMITH, Mary Ann", "Smith, John", "smithers, Jane" })]
    [InlineData("smith, jo", new[] { "Smith, John" })]
    [InlineData("Smith,Mary", new[] { "SMITH, Mary Ann" })]
    [InlineData("john smith", new[] { "Smith, John" })]
    [InlineData("mary ann smith", new[] { "SMITH, Mary Ann" })]
    [InlineData("juan de la cruz", new[] { "de la Cruz, Juan" })]
    [InlineData("ñúñez", new[] { "Ñúñez-O'Brien, Zoë" })]
    [InlineData("ÑÚÑEZ-O'B", new[] { "Ñúñez-O'Brien, Zoë" })]
    [InlineData("jon", new[] { "Jones, Bob" })]
    [InlineData("xyz", new string[0])]
    public async Task Names_are_found_by_a_case_insensitive_prefix_of_last_or_first_and_last(string query, string[] expected)
    {
        await SeedAsync();
        (await NamesAsync(query)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("1980-02-03")]
    [InlineData("02/03/1980")]
    [InlineData("2/3/1980")]
    public async Task Patients_are_found_by_date_of_birth_in_either_format(string query)
    {
        await SeedAsync();
        (await NamesAsync(query)).ShouldBe(["Asmith, Ann", "Smith, John"]);
    }

    [Theory]
    [InlineData("MRN-100002", new[] { "smithers, Jane" })]
    [InlineData("mrn100002", new[] { "smithers, Jane" })]
    [InlineData("100002", new[] { "smithers, Jane" })]
    [InlineData("MRN-1001", new[] { "Jones, Bob" })]
    public async Task Patients_are_found_by_MRN_with_or_without_its_prefix(string query, string[] expected)
    {
        await SeedAsync();
        (await NamesAsync(query)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("13/45/1980")]
    [InlineData("smith 1980")]
    public async Task A_search_that_is_neither_name_date_nor_MRN_is_explained(string query)
    {
        await SeedAsync();
        var doc = await (await App.SignInAsync(Roles.FrontDesk)).GetDocumentAsync("/Patients/Index?q=" + Uri.EscapeDataString(query));
        doc.QuerySelector("#search-problem")!.TextContent.ShouldContain("mm/dd/yyyy or yyyy-mm-dd");
        ClinicClient.ValueOf(doc, "q").ShouldBe(query);
    }

    [Fact]
    public async Task The_list_pages_by_25_in_name_order_and_counts_the_matches()
    {
        var people = Enumerable.Range(0, 60).Select(i => P($"First{i:D2}", $"Family{i:D2}", "1970-01-01", 200000 + i)).ToArray();
        await App.InsertAsync(people);
        var client = await App.SignInAsync(Roles.FrontDesk);

        var page1 = await client.GetDocumentAsync("/Patients/Index");
        page1.QuerySelectorAll("#patients tbody tr").Length.ShouldBe(25);
        page1.QuerySelector("#search-summary")!.TextContent.ShouldContain("1–25 of 60");
        page1.QuerySelector("a[rel=next]")!.GetAttribute("href").ShouldBe("/Patients/Index?page=2");

        var page3 = await client.GetDocumentAsync("/Patients/Index?page=3");
        var rows = page3.QuerySelectorAll("#patients tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
        rows.Count.ShouldBe(10);
        rows[0].ShouldBe("Family50, First50");
        page3.QuerySelector("#search-summary")!.TextContent.ShouldContain("51–60 of 60");
        page3.QuerySelector("li.disabled a[rel=next]").ShouldNotBeNull();

        var filtered = await client.GetDocumentAsync("/Patients/Index?q=family&page=2");
        // Paging keeps the search, as an opaque value rather than the typed text (names stay out of addresses).
        var next = filtered.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        next.ShouldStartWith("/Patients/Index?s=");
        next.ShouldEndWith("&page=3");
        next.ShouldNotContain("family", Case.Insensitive);
        (await client.GetDocumentAsync(next)).QuerySelector("#search-summary")!.TextContent.ShouldContain("51–60 of 60");
        (await client.GetDocumentAsync("/Patients/Index?page=99")).QuerySelector("#search-summary")!.TextContent.ShouldContain("no patients on this page");
        (await client.GetDocumentAsync("/Patients/Index?page=abc")).QuerySelectorAll("#patients tbody tr").Length.ShouldBe(25);
    }

    [Fact]
    public async Task A_patient_with_a_contraindication_is_flagged_in_the_list()
    {
        var p = P("Flag", "Person", "1970-01-01", 100007);
        p.IsPregnant = true;
        await App.InsertAsync(p);
        var doc = await (await App.SignInAsync(Roles.FrontDesk)).GetDocumentAsync("/Patients/Index?q=person");
        doc.QuerySelector("#patients .badge.text-bg-danger").ShouldNotBeNull();
    }

    [Theory]
    [InlineData(Roles.FrontDesk, true)]
    [InlineData(Roles.Clinician, true)]
    [InlineData(Roles.MedicalDirector, true)]
    [InlineData(Roles.PracticeManager, false)]
    public async Task The_patient_list_is_for_front_desk_and_clinical_staff(string role, bool allowed)
    {
        var response = await (await App.SignInAsync(role)).GetAsync("/Patients/Index");
        if (allowed) response.StatusCode.ShouldBe(HttpStatusCode.OK);
        else response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class IndexTests_Sqlite(SqliteApp app) : IndexTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class IndexTests_PostgreSql(PostgreSqlApp app) : IndexTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class IndexTests_SqlServer(SqlServerApp app) : IndexTests(app);
