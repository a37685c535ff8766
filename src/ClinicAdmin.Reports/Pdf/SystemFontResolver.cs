using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace ClinicAdmin.Reports.Pdf;

/// <summary>
/// Resolves the report font families to TrueType files installed on the machine (Debian/Ubuntu
/// paths first), so PDFsharp's Core build works on Linux and every glyph of a name such as
/// "Zoë Ñúñez-O'Brien" is embedded. Documents ask for the logical families below, never for a
/// file: DejaVu Sans when it is installed, Liberation Sans otherwise.
/// </summary>
public sealed class SystemFontResolver : IFontResolver
{
    /// <summary>The body family of every report.</summary>
    public const string Sans = "ClinicAdmin Sans";

    /// <summary>A narrower family for dense tables.</summary>
    public const string SansCondensed = "ClinicAdmin Sans Condensed";

    /// <summary>Folders searched, in order, unless others are given.</summary>
    public static readonly IReadOnlyList<string> DefaultFontDirectories =
    [
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/truetype/liberation2",
        "/usr/share/fonts/truetype/liberation",
        "/usr/share/fonts/dejavu",               // Fedora / Alpine layouts
        "/usr/share/fonts/liberation-sans",
        "/usr/share/fonts/TTF",
    ];

    // One candidate family = four faces: regular, bold, italic, bold italic.
    private sealed record Faces(string Regular, string Bold, string Italic, string BoldItalic);

    private static readonly Faces DejaVuSans = new("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf");
    private static readonly Faces DejaVuSansCondensed = new("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf", "DejaVuSansCondensed-Oblique.ttf", "DejaVuSansCondensed-BoldOblique.ttf");
    private static readonly Faces LiberationSans = new("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf", "LiberationSans-BoldItalic.ttf");
    private static readonly Faces LiberationSansNarrow = new("LiberationSansNarrow-Regular.ttf", "LiberationSansNarrow-Bold.ttf", "LiberationSansNarrow-Italic.ttf", "LiberationSansNarrow-BoldItalic.ttf");

    private readonly IReadOnlyList<string> _directories;
    private readonly Dictionary<string, Faces[]> _families;
    private readonly ConcurrentDictionary<string, string?> _paths = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _bytes = new(StringComparer.Ordinal);

    public SystemFontResolver(IReadOnlyList<string>? fontDirectories = null, bool preferLiberation = false)
    {
        _directories = fontDirectories ?? DefaultFontDirectories;
        Faces[] sans = preferLiberation ? [LiberationSans, DejaVuSans] : [DejaVuSans, LiberationSans];
        Faces[] condensed = preferLiberation
            ? [LiberationSansNarrow, LiberationSans, DejaVuSansCondensed, DejaVuSans]
            : [DejaVuSansCondensed, LiberationSansNarrow, DejaVuSans, LiberationSans];
        _families = new(StringComparer.OrdinalIgnoreCase)
        {
            [Sans] = sans,
            [SansCondensed] = condensed,
            ["DejaVu Sans"] = [DejaVuSans, LiberationSans],
            ["DejaVu Sans Condensed"] = [DejaVuSansCondensed, DejaVuSans],
            ["Liberation Sans"] = [LiberationSans, DejaVuSans],
            // Callers that ask for the usual Windows names still get a metric-compatible face.
            ["Arial"] = [LiberationSans, DejaVuSans],
            ["Helvetica"] = [LiberationSans, DejaVuSans],
        };
    }

    /// <summary>True when at least one candidate face of the body family is installed.</summary>
    public bool HasSansFont => ResolveTypeface(Sans, false, false) is not null;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (!_families.TryGetValue(familyName, out var candidates)) return null;
        foreach (var faces in candidates)
        {
            var file = (bold, italic) switch
            {
                (false, false) => faces.Regular,
                (true, false) => faces.Bold,
                (false, true) => faces.Italic,
                _ => faces.BoldItalic,
            };
            if (FindFile(file) is not null) return new FontResolverInfo(file);
            // Fall back to the regular face and let PDFsharp simulate italic (bold cannot be simulated).
            if (!bold && FindFile(faces.Regular) is not null)
                return new FontResolverInfo(faces.Regular, mustSimulateBold: false, mustSimulateItalic: italic);
        }
        // No bold face anywhere: plain text beats a failed document.
        foreach (var faces in candidates)
            if (FindFile(faces.Regular) is not null)
                return new FontResolverInfo(faces.Regular, mustSimulateBold: false, mustSimulateItalic: italic);
        return null;
    }

    public byte[]? GetFont(string faceName)
    {
        if (_bytes.TryGetValue(faceName, out var cached)) return cached;
        var path = FindFile(faceName);
        if (path is null) return null;
        return _bytes.GetOrAdd(faceName, _ => File.ReadAllBytes(path));
    }

    private string? FindFile(string fileName) => _paths.GetOrAdd(fileName, name =>
    {
        foreach (var dir in _directories)
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    });
}
