using System.Reflection;
using NetArchTest.Rules;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Architecture;

/// <summary>
/// The folder tree is the architecture: a feature under Features/ talks to another only through Domain, Data, Reports
/// and the shared kit (PageKit, Platform). These rules fail the suite when a slice reaches into another's folder.
/// </summary>
[Trait("Category", "Unit")]
public sealed class SliceBoundaryTests
{
    private static readonly Assembly Web = typeof(Program).Assembly;
    private const string Features = "ClinicAdmin.Web.Features";

    /// <summary>"Feature A uses type T of feature B" for every such reach, found by NetArchTest over the compiled IL.</summary>
    public static List<string> SliceViolations(Assembly assembly, string featuresNamespace)
    {
        var slices = assembly.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(ns => ns.StartsWith(featuresNamespace + ".", StringComparison.Ordinal))
            .Select(ns => ns[(featuresNamespace.Length + 1)..].Split('.')[0]).Distinct().OrderBy(s => s).ToList();
        var violations = new List<string>();
        foreach (var slice in slices)
        {
            var others = slices.Where(s => s != slice).Select(s => $"{featuresNamespace}.{s}.").ToArray();
            var result = Types.InAssembly(assembly).That().ResideInNamespaceStartingWith($"{featuresNamespace}.{slice}.")
                .Or().ResideInNamespace($"{featuresNamespace}.{slice}")
                .ShouldNot().HaveDependencyOnAny(others.Concat(others.Select(o => o.TrimEnd('.'))).ToArray()).GetResult();
            foreach (var type in result.FailingTypeNames ?? [])
                violations.Add($"{slice}: {type}");
        }
        return violations;
    }

    [Fact]
    public void The_features_are_the_slices_the_README_lists()
    {
        var slices = Web.GetTypes().Select(t => t.Namespace).OfType<string>().Where(ns => ns.StartsWith(Features + ".", StringComparison.Ordinal))
            .Select(ns => ns[(Features.Length + 1)..].Split('.')[0]).Distinct().Order().ToList();
        slices.ShouldBe(["AccessLog", "Account", "Appointments", "Assessments", "Audit", "Courses", "Home", "Incidents", "Jobs", "Locations", "Outcomes", "Patients",
            "Payments", "Pricing", "Resources", "Settings", "Staff", "Superbills", "Users", "Visits"]);
        var readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md"));
        foreach (var slice in slices) readme.ShouldContain($"Features/{slice}/", customMessage: $"README's Layout does not list Features/{slice}/");
        var program = File.ReadAllText(Path.Combine(RepoRoot(), "src", "ClinicAdmin.Web", "Program.cs"));
        foreach (var slice in slices) program.ShouldContain($".AddClinic{(slice == "Jobs" ? "JobsPage" : slice)}(", customMessage: $"Program.cs does not add the {slice} feature");
    }

    [Fact]
    public void No_feature_reaches_into_another()
    {
        SliceViolations(Web, Features).ShouldBeEmpty();
    }

    [Fact]
    public void The_rule_catches_a_slice_that_reaches_into_another()
    {
        // Sample.Features.Alpha uses a type of Sample.Features.Beta (below): the rule must say so, and only that.
        var found = SliceViolations(typeof(SliceBoundaryTests).Assembly, "ClinicAdmin.Web.Tests.Architecture.Sample.Features");
        found.ShouldBe(["Alpha: ClinicAdmin.Web.Tests.Architecture.Sample.Features.Alpha.UsesBeta"]);
    }

    [Fact]
    public void The_kit_and_the_platform_do_not_depend_on_features()
    {
        var result = Types.InAssembly(Web).That().ResideInNamespaceStartingWith("ClinicAdmin.Web.PageKit")
            .Or().ResideInNamespaceStartingWith("ClinicAdmin.Web.Platform")
            .ShouldNot().HaveDependencyOn(Features).GetResult();
        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }

    [Fact]
    public void The_domain_references_no_framework()
    {
        var domain = typeof(ClinicAdmin.Domain.Common.DomainException).Assembly;
        domain.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n != "netstandard" && !n.StartsWith("System", StringComparison.Ordinal))
            .ShouldBeEmpty("the Domain project may use only the base class library");
        var result = Types.InAssembly(domain).ShouldNot()
            .HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions", "ClinicAdmin.Data", "ClinicAdmin.Web", "ClinicAdmin.Reports")
            .GetResult();
        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }

    [Fact]
    public void Reports_references_neither_EF_nor_ASP_NET()
    {
        var reports = typeof(ClinicAdmin.Reports.Workbooks.OutcomeWorkbookWriter).Assembly;
        reports.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                        || n is "ClinicAdmin.Data" or "ClinicAdmin.Web")
            .ShouldBeEmpty();
    }

    [Fact]
    public void The_production_app_ships_no_fake_data_library()
    {
        // Bogus and the scale seeder live in src/ClinicAdmin.Tools; the demo clinic uses its own short name lists.
        var deps = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ClinicAdmin.Web.deps.json"));
        deps.ShouldNotContain("\"Bogus");
        foreach (var assembly in new[] { Web, typeof(ClinicAdmin.Data.ClinicDbContext).Assembly })
            assembly.GetReferencedAssemblies().Select(a => a.Name).ShouldNotContain("Bogus");
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ClinicAdmin.sln"))) dir = dir.Parent;
        return dir!.FullName;
    }
}
