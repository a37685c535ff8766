using PdfSharp.Fonts;

namespace ClinicAdmin.Reports.Pdf;

/// <summary>
/// PDFsharp's process-wide font resolver may be set once only and before any font is used. Every
/// generator calls <see cref="EnsureInitialized"/> first; it runs the set-up exactly once even when
/// many jobs start at the same moment.
/// </summary>
public static class PdfSetup
{
    private static readonly Lazy<SystemFontResolver> Resolver = new(Initialize, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The resolver installed in <see cref="GlobalFontSettings"/>.</summary>
    public static SystemFontResolver FontResolver => Resolver.Value;

    public static void EnsureInitialized() => _ = Resolver.Value;

    private static SystemFontResolver Initialize()
    {
        // PDFsharp 6.2.4 is MIT licensed and needs no licence call (6.5 is AGPL and does; README "Decisions").
        var resolver = new SystemFontResolver();
        if (!resolver.HasSansFont)
            throw new InvalidOperationException(
                "No report font is installed: install fonts-dejavu-core or fonts-liberation2 " +
                "(looked in " + string.Join(", ", SystemFontResolver.DefaultFontDirectories) + ").");

        if (GlobalFontSettings.FontResolver is { } existing && existing is not SystemFontResolver)
            throw new InvalidOperationException(
                $"Another font resolver ({existing.GetType().FullName}) is already installed; PDF documents must be generated through ClinicAdmin.Reports.Pdf.PdfSetup.");

        if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = resolver;
        return (SystemFontResolver)GlobalFontSettings.FontResolver;
    }
}
