using ClinicAdmin.Reports.Pdf;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Reports.Tests.Superbills;

[Trait("Category", "Unit")]
public sealed class SystemFontResolverTests
{
    [Theory]
    [InlineData(false, false, "DejaVuSans.ttf")]
    [InlineData(true, false, "DejaVuSans-Bold.ttf")]
    [InlineData(false, true, "DejaVuSans-Oblique.ttf")]
    [InlineData(true, true, "DejaVuSans-BoldOblique.ttf")]
    public void The_report_family_resolves_to_installed_dejavu_faces(bool bold, bool italic, string file)
    {
        var resolver = new SystemFontResolver();

        var info = resolver.ResolveTypeface(SystemFontResolver.Sans, bold, italic).ShouldNotBeNull();

        info.FaceName.ShouldBe(file);
        var bytes = resolver.GetFont(info.FaceName).ShouldNotBeNull();
        bytes.Length.ShouldBeGreaterThan(100_000);
        bytes[..4].ShouldBe(new byte[] { 0, 1, 0, 0 });   // a TrueType file
    }

    [Fact]
    public void Liberation_sans_can_be_preferred_and_is_the_fallback_when_dejavu_is_absent()
    {
        new SystemFontResolver(preferLiberation: true).ResolveTypeface(SystemFontResolver.Sans, false, false)!.FaceName.ShouldBe("LiberationSans-Regular.ttf");

        var withoutDejaVu = new SystemFontResolver(["/usr/share/fonts/truetype/liberation2"]);
        withoutDejaVu.ResolveTypeface(SystemFontResolver.Sans, true, false)!.FaceName.ShouldBe("LiberationSans-Bold.ttf");
        withoutDejaVu.ResolveTypeface(SystemFontResolver.SansCondensed, false, false)!.FaceName.ShouldBe("LiberationSans-Regular.ttf");
    }

    [Fact]
    public void Unknown_families_and_missing_folders_resolve_to_nothing()
    {
        new SystemFontResolver().ResolveTypeface("Comic Sans MS", false, false).ShouldBeNull();
        var nowhere = new SystemFontResolver(["/nonexistent/fonts"]);
        nowhere.HasSansFont.ShouldBeFalse();
        nowhere.GetFont("DejaVuSans.ttf").ShouldBeNull();
    }

    [Fact]
    public void Setup_runs_once_and_installs_the_resolver_even_when_called_from_many_threads()
    {
        Parallel.For(0, 16, _ => PdfSetup.EnsureInitialized());

        PdfSharp.Fonts.GlobalFontSettings.FontResolver.ShouldBeSameAs(PdfSetup.FontResolver);
    }
}
