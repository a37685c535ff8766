using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ClinicAdmin.Reports.Pdf;

/// <summary>Page margins in points (1 inch = 72 points).</summary>
public readonly record struct PageMargins(double Left, double Top, double Right, double Bottom);

/// <summary>
/// Flows content down pages: keeps a cursor, starts a new page when a block does not fit, and at
/// the end decorates every page once the page count is known (footers with "Page x of y").
/// </summary>
public sealed class PageFlow : IDisposable
{
    private readonly PdfDocument _document;
    private readonly PageSize _size;
    private readonly List<PdfPage> _pages = [];
    private XGraphics? _gfx;

    public PageFlow(PdfDocument document, PageSize size, PageMargins margins)
    {
        _document = document;
        _size = size;
        Margins = margins;
        var points = PageSizeConverter.ToSize(size);
        PageWidth = points.Width;
        PageHeight = points.Height;
    }

    public PageMargins Margins { get; }
    public double PageWidth { get; }
    public double PageHeight { get; }
    public double Left => Margins.Left;
    public double Right => PageWidth - Margins.Right;
    public double Width => Right - Left;
    public double Top => Margins.Top;
    public double Bottom => PageHeight - Margins.Bottom;

    /// <summary>The cursor: where the next block starts.</summary>
    public double Y { get; set; }

    public int PageNumber => _pages.Count;
    public IReadOnlyList<PdfPage> Pages => _pages;

    public XGraphics Gfx => _gfx ?? throw new InvalidOperationException("Call NewPage() first.");

    /// <summary>Runs at the top of every page after the first (e.g. a short "continued" header); may move <see cref="Y"/>.</summary>
    public Action<PageFlow>? ContinuationPageStarted { get; set; }

    public double Remaining => Bottom - Y;

    public bool Fits(double height) => Y + height <= Bottom + 0.01;

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one. Returns true when a page was started.</summary>
    public bool EnsureRoom(double height)
    {
        if (_gfx is not null && Fits(height)) return false;
        NewPage();
        return true;
    }

    public void NewPage()
    {
        _gfx?.Dispose();
        var page = _document.AddPage();
        page.Size = _size;
        _pages.Add(page);
        _gfx = XGraphics.FromPdfPage(page);
        Y = Top;
        if (_pages.Count > 1) ContinuationPageStarted?.Invoke(this);
    }

    /// <summary>Closes the content and lets <paramref name="decorate"/> draw on each page (page number, page count).</summary>
    public void Finish(Action<XGraphics, int, int> decorate)
    {
        _gfx?.Dispose();
        _gfx = null;
        for (var i = 0; i < _pages.Count; i++)
        {
            using var gfx = XGraphics.FromPdfPage(_pages[i], XGraphicsPdfPageOptions.Append);
            decorate(gfx, i + 1, _pages.Count);
        }
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _gfx = null;
    }
}
