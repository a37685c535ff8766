using System.Security.Cryptography;
using System.Text;
using ClinicAdmin.Reports.Pdf;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ClinicAdmin.Reports.Superbills;

/// <summary>
/// The superbill layout: letterhead, clinic bar, patient and insurance, rendering providers,
/// diagnoses, services table (its header repeated on every page it flows onto), totals with the
/// statement for the insurer, signature, and a footer with the document number and "Page x of y".
/// US Letter. Fed by a <see cref="SuperbillModel"/> that has passed <see cref="SuperbillModel.Problems"/>.
/// </summary>
public sealed class SuperbillDocument
{
    public const string Creator = "ClinicAdmin";

    private static readonly PageMargins Margins = new(Left: 42, Top: 36, Right: 42, Bottom: 74);
    private const double FooterBottom = 28;           // distance of the last footer line from the paper edge
    private const int FooterTextMaxLines = 2;
    private const double SectionGap = 10;
    private const double CardPadding = 7;
    private const double CellPadX = 3;
    private const double CellPadY = 2.2;

    private static readonly XPen RulePen = new(Palette.Rule, 0.6);
    private static readonly XPen AccentPen = new(Palette.Accent, 1.6);
    private static readonly XPen TotalPen = new(Palette.Accent, 0.8);
    private static readonly XPen SignaturePen = new(Palette.Ink, 0.7);
    private static readonly XBrush PanelBrush = new XSolidBrush(Palette.Panel);
    private static readonly XBrush ZebraBrush = new XSolidBrush(Palette.Zebra);
    private static readonly XBrush AccentBrush = new XSolidBrush(Palette.Accent);
    private static readonly XBrush VoidBrush = new XSolidBrush(Palette.Void);

    private readonly SuperbillModel _model;
    private readonly IReadOnlyList<Column> _columns;

    public SuperbillDocument(SuperbillModel model)
    {
        _model = model;
        _columns = ServiceColumns(Margins.Left, PageSizeConverter.ToSize(PageSize.Letter).Width - Margins.Left - Margins.Right);
    }

    /// <summary>Builds the whole PDF document in memory (save it with <see cref="PdfOutput.Save"/>). Callers go through <see cref="SuperbillGenerator"/>, which validates first.</summary>
    public PdfDocument Compose()
    {
        PdfSetup.EnsureInitialized();
        var pdf = new PdfDocument();
        SetDocumentInfo(pdf);

        using var flow = new PageFlow(pdf, PageSize.Letter, Margins);
        flow.ContinuationPageStarted = ComposeContinuationHeader;
        flow.NewPage();

        ComposeHeader(flow);
        if (_model.Void is not null) ComposeVoidBanner(flow);
        ComposeClinicBar(flow);
        ComposePatientAndInsurance(flow);
        ComposeProviders(flow);
        ComposeDiagnoses(flow);
        ComposeServices(flow);
        ComposeTotalsAndStatement(flow);
        ComposeSignature(flow);

        flow.Finish(ComposeFooter);
        return pdf;
    }

    // ---------------------------------------------------------------- document info

    private void SetDocumentInfo(PdfDocument pdf)
    {
        // No patient data in the metadata: viewers show it in tab titles and file lists.
        pdf.Info.Title = $"Superbill {SuperbillFormat.DocumentNumber(_model)}";
        pdf.Info.Subject = "Superbill: itemized statement for insurance reimbursement";
        pdf.Info.Author = _model.Clinic.Name;
        pdf.Info.Creator = Creator;
        pdf.Info.CreationDate = _model.IssuedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        pdf.Language = "en-US";
        // A stable file identifier per document number and version (PDFsharp picks a random one otherwise).
        var id = MD5.HashData(Encoding.UTF8.GetBytes($"{_model.DocumentNumber}/{_model.Version}"));
        pdf.Internals.FirstDocumentID = Convert.ToHexString(id);
        pdf.Internals.SecondDocumentID = Convert.ToHexString(id);
    }

    // ---------------------------------------------------------------- header (page 1)

    private void ComposeHeader(PageFlow flow)
    {
        var g = flow.Gfx;
        var top = flow.Y;
        const double rightWidth = 220;
        var leftWidth = flow.Width - rightWidth - 16;
        var clinic = _model.Clinic;

        // Letterhead: practice / billing provider (box 33).
        var y = top;
        y += PdfText.DrawWrapped(g, clinic.Name, Typography.ClinicName, flow.Left, y, leftWidth);
        y += PdfText.DrawLines(g, clinic.BillingAddress.Lines(), Typography.Value, flow.Left, y, leftWidth);
        y += PdfText.DrawWrapped(g, "Phone " + clinic.Phone, Typography.Value, flow.Left, y, leftWidth);
        var leftBottom = y;

        // Title block.
        var x = flow.Right - rightWidth;
        y = top;
        PdfText.Draw(g, SuperbillText.Title, Typography.Title, x, y - 2, rightWidth, TextAlign.Right);
        y += Typography.Title.LineHeight - 2;
        PdfText.Draw(g, SuperbillText.Subtitle, Typography.Subtitle, x, y, rightWidth, TextAlign.Right);
        y += Typography.Subtitle.LineHeight + 3;
        y += KeyValueRight(g, "Document no.", SuperbillFormat.DocumentNumber(_model), x, y, rightWidth, strong: true);
        y += KeyValueRight(g, "Issued", SuperbillFormat.Date(_model.IssuedOn, _model.DateStyle), x, y, rightWidth);
        var rightBottom = y;

        flow.Y = Math.Max(leftBottom, rightBottom) + 6;
        g.DrawLine(AccentPen, flow.Left, flow.Y, flow.Right, flow.Y);
        flow.Y += 8;
    }

    private static double KeyValueRight(XGraphics g, string key, string value, double x, double top, double width, bool strong = false)
    {
        var valueStyle = strong ? Typography.ValueStrong : Typography.Value;
        var valueWidth = PdfText.Width(g, value, valueStyle);
        PdfText.Draw(g, value, valueStyle, x, top, width, TextAlign.Right);
        PdfText.Draw(g, key.ToUpperInvariant(), Typography.Label, x, top + (valueStyle.LineHeight - Typography.Label.LineHeight) / 2 + 0.6, width - valueWidth - 6, TextAlign.Right);
        return valueStyle.LineHeight;
    }

    private void ComposeVoidBanner(PageFlow flow)
    {
        var g = flow.Gfx;
        var v = _model.Void!;
        var text = v.Banner + " — this superbill is no longer valid" + (string.IsNullOrWhiteSpace(v.Reason) ? "." : $": {v.Reason}");
        var lines = PdfText.Wrap(g, text, Typography.Banner, flow.Width - 16);
        var height = PdfText.Height(lines.Count, Typography.Banner) + 8;
        g.DrawRectangle(VoidBrush, flow.Left, flow.Y, flow.Width, height);
        PdfText.DrawLines(g, lines, Typography.Banner, flow.Left + 8, flow.Y + 4, flow.Width - 16);
        flow.Y += height + 8;
    }

    // ---------------------------------------------------------------- continuation header (pages 2+)

    private void ComposeContinuationHeader(PageFlow flow)
    {
        var g = flow.Gfx;
        var half = flow.Width / 2;
        PdfText.Draw(g, PdfText.Fit(g, _model.Clinic.Name, Typography.ValueStrong, half), Typography.ValueStrong, flow.Left, flow.Y, half);
        PdfText.Draw(g, $"{SuperbillText.Title} {SuperbillFormat.DocumentNumber(_model)} (continued)", Typography.ValueStrong, flow.Left + half, flow.Y, half, TextAlign.Right);
        flow.Y += Typography.ValueStrong.LineHeight;
        var patient = $"Patient: {_model.Patient.Name} · DOB {SuperbillFormat.Date(_model.Patient.DateOfBirth, _model.DateStyle)}";
        PdfText.Draw(g, PdfText.Fit(g, patient, Typography.Value, flow.Width), Typography.Value, flow.Left, flow.Y, flow.Width);
        flow.Y += Typography.Value.LineHeight + 4;
        g.DrawLine(AccentPen, flow.Left, flow.Y, flow.Right, flow.Y);
        flow.Y += 8;
    }

    // ---------------------------------------------------------------- clinic bar

    private void ComposeClinicBar(PageFlow flow)
    {
        var g = flow.Gfx;
        var clinic = _model.Clinic;
        var several = _model.Facilities is { Count: > 1 };
        var facility = several
            ? $"{_model.Facilities.Count} locations:\neach is shown above its services"
            : string.Join("\n", new[] { clinic.ServiceFacilityName ?? "" }.Concat(clinic.ServiceFacilityAddress.Lines())
                .Append(clinic.ServiceFacilityNpi is { Length: > 0 } fnpi ? $"NPI (32a) {fnpi}" : "").Where(l => l.Length > 0));
        var row = new List<LabelValue>
        {
            new("Service facility (32)", facility, Span: 2),
            new("Tax ID / EIN (25)", clinic.TaxId, Strong: true),
            new("Group NPI (33a)", clinic.GroupNpi, Strong: true),
            new("Dates of service", ServicePeriodText(), Span: 2),
        };
        var rows = new List<IReadOnlyList<LabelValue>> { row };
        var inner = flow.Width - 2 * CardPadding;
        var height = LabelValueGrid.Rows(g, rows, 6, 0, 0, inner, draw: false) + 2 * CardPadding - 1;
        g.DrawRectangle(PanelBrush, flow.Left, flow.Y, flow.Width, height);
        LabelValueGrid.Rows(g, rows, 6, flow.Left + CardPadding, flow.Y + CardPadding - 1, inner);
        flow.Y += height + SectionGap;
    }

    private string ServicePeriodText()
    {
        var dates = _model.Lines.Select(l => l.ServiceDate).ToList();
        var from = _model.PeriodStart ?? (dates.Count > 0 ? dates.Min() : _model.IssuedOn);
        var to = _model.PeriodEnd ?? (dates.Count > 0 ? dates.Max() : _model.IssuedOn);
        var visits = dates.Distinct().Count();
        return SuperbillFormat.Period(from, to, _model.DateStyle) + (visits > 1 ? $"\n{visits} visits" : "");
    }

    // ---------------------------------------------------------------- patient and insurance

    private void ComposePatientAndInsurance(PageFlow flow)
    {
        var g = flow.Gfx;
        var p = _model.Patient;
        var patient = new List<IReadOnlyList<LabelValue>>
        {
            new[] { new LabelValue("Patient name (2)", p.Name, Span: 2, Strong: true) },
            new[] { new LabelValue("Date of birth (3)", SuperbillFormat.Date(p.DateOfBirth, _model.DateStyle)), new LabelValue("Phone (5)", p.Phone) },
            new[] { new LabelValue("Address (5)", string.Join("\n", p.Address.Lines()), Span: 2) },
        };
        var statement = SuperbillText.KindLabel(_model.Kind)
                        + (_model.Kind == SuperbillKind.TreatmentCourse && !string.IsNullOrWhiteSpace(_model.CourseName) ? ": " + _model.CourseName : "");
        var insurance = new List<IReadOnlyList<LabelValue>>
        {
            new[] { new LabelValue("Insured's ID / member no. (1a)", p.InsuredMemberId, Span: 2, Strong: true) },
            new[] { new LabelValue("Health plan", p.PayerName), new LabelValue("Patient account no. (26)", p.AccountNumber) },
            new[] { new LabelValue("Statement type", statement, Span: 2) },
        };

        const double gap = 12;
        var cardWidth = (flow.Width - gap) / 2;
        var inner = cardWidth - 2 * CardPadding;
        var bodyHeight = Math.Max(
            LabelValueGrid.Rows(g, patient, 2, 0, 0, inner, draw: false),
            LabelValueGrid.Rows(g, insurance, 2, 0, 0, inner, draw: false));
        var titleHeight = Typography.Heading.LineHeight + 6;
        var height = titleHeight + bodyHeight + 2 * CardPadding - 2;
        flow.EnsureRoom(height);
        g = flow.Gfx;   // a new page may have started

        Card(g, "Patient", patient, flow.Left, flow.Y, cardWidth, height, titleHeight);
        Card(g, "Insurance and account", insurance, flow.Left + cardWidth + gap, flow.Y, cardWidth, height, titleHeight);
        flow.Y += height + SectionGap;
    }

    private static void Card(XGraphics g, string title, IReadOnlyList<IReadOnlyList<LabelValue>> rows, double x, double y, double width, double height, double titleHeight)
    {
        g.DrawRectangle(PanelBrush, x, y, width, titleHeight);
        g.DrawRectangle(RulePen, x, y, width, height);
        PdfText.Draw(g, LabelValueGrid.Caps(title), Typography.Heading, x + CardPadding, y + 3, width - 2 * CardPadding);
        LabelValueGrid.Rows(g, rows, 2, x + CardPadding, y + titleHeight + CardPadding - 2, width - 2 * CardPadding);
    }

    // ---------------------------------------------------------------- sections

    private static void SectionTitle(PageFlow flow, string title)
    {
        var g = flow.Gfx;
        PdfText.Draw(g, LabelValueGrid.Caps(title), Typography.Heading, flow.Left, flow.Y, flow.Width);
        flow.Y += Typography.Heading.LineHeight + 1.5;
        g.DrawLine(RulePen, flow.Left, flow.Y, flow.Right, flow.Y);
        flow.Y += 2;
    }

    private static double SectionTitleHeight => Typography.Heading.LineHeight + 3.5;

    private void ComposeProviders(PageFlow flow)
    {
        var g = flow.Gfx;
        var rowHeight = Typography.TableCell.LineHeight + 2 * CellPadY;
        var providers = _model.Providers;
        var counts = _model.Lines.GroupBy(l => l.RenderingProviderNpi).ToDictionary(x => x.Key, x => x.Count());
        flow.EnsureRoom(SectionTitleHeight + rowHeight * Math.Min(providers.Count + 1, 4));
        g = flow.Gfx;
        SectionTitle(flow, providers.Count == 1 ? "Rendering provider (24J, 31)" : "Rendering providers (24J, 31)");

        (string Label, double Width, TextAlign Align)[] columns =
        [
            ("Name", flow.Width * 0.40, TextAlign.Left),
            ("Credentials", flow.Width * 0.30, TextAlign.Left),
            ("NPI (24J)", flow.Width * 0.15, TextAlign.Left),
            ("Service lines", flow.Width * 0.15, TextAlign.Right),
        ];
        void Row(string[] cells, double height, TextStyle[] styles)
        {
            var x = flow.Left;
            for (var c = 0; c < columns.Length; c++)
            {
                var width = columns[c].Width - 2 * CellPadX;
                PdfText.Draw(flow.Gfx, PdfText.Fit(flow.Gfx, cells[c], styles[c], width), styles[c], x + CellPadX, flow.Y + CellPadY, width, columns[c].Align);
                x += columns[c].Width;
            }
            flow.Y += height;
        }

        var label = Typography.Label;
        Row(columns.Select(c => LabelValueGrid.Caps(c.Label)).ToArray(), label.LineHeight + CellPadY, [label, label, label, label]);
        foreach (var provider in providers)
        {
            flow.EnsureRoom(rowHeight);
            var lines = counts.GetValueOrDefault(provider.Npi).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Row([provider.Name, provider.Credentials, provider.Npi, lines], rowHeight,
                [Typography.TableCell, Typography.TableCell, Typography.TableCellStrong, Typography.TableCell]);
            flow.Gfx.DrawLine(RulePen, flow.Left, flow.Y, flow.Right, flow.Y);
        }
        flow.Y += SectionGap;
    }

    private void ComposeDiagnoses(PageFlow flow)
    {
        var g = flow.Gfx;
        const int columns = 2;
        const double gap = 12;
        const double letterWidth = 14;
        const double codeWidth = 46;
        var columnWidth = (flow.Width - gap * (columns - 1)) / columns;
        var descriptionWidth = columnWidth - letterWidth - codeWidth - 2 * CellPadX;

        var diagnoses = _model.Diagnoses;
        var rows = new List<(double Height, List<(int Index, IReadOnlyList<string> Lines)> Cells)>();
        for (var i = 0; i < diagnoses.Count; i += columns)
        {
            var cells = new List<(int, IReadOnlyList<string>)>();
            for (var c = 0; c < columns && i + c < diagnoses.Count; c++)
                cells.Add((i + c, PdfText.Wrap(g, diagnoses[i + c].Description, Typography.TableCell, descriptionWidth)));
            var lineCount = Math.Max(1, cells.Max(x => x.Item2.Count));
            rows.Add((PdfText.Height(lineCount, Typography.TableCell) + 2 * CellPadY, cells));
        }

        flow.EnsureRoom(SectionTitleHeight + (rows.Count > 0 ? rows[0].Height : 0));
        g = flow.Gfx;
        SectionTitle(flow, "Diagnoses, ICD-10-CM (21)");
        foreach (var (height, cells) in rows)
        {
            flow.EnsureRoom(height);
            g = flow.Gfx;
            foreach (var (index, lines) in cells)
            {
                var x = flow.Left + (index % columns) * (columnWidth + gap);
                var letter = SuperbillModel.DiagnosisLetter(index).ToString();
                var badge = Typography.TableCellStrong.LineHeight - 1;
                g.DrawRectangle(AccentBrush, x + CellPadX, flow.Y + CellPadY + 0.5, badge, badge);
                PdfText.Draw(g, letter, Typography.TableHeader, x + CellPadX, flow.Y + CellPadY + 0.5 + (badge - Typography.TableHeader.LineHeight) / 2, badge, TextAlign.Center);
                PdfText.Draw(g, diagnoses[index].Code, Typography.TableCellStrong, x + CellPadX + letterWidth + 2, flow.Y + CellPadY, codeWidth);
                PdfText.DrawLines(g, lines, Typography.TableCell, x + CellPadX + letterWidth + codeWidth, flow.Y + CellPadY, descriptionWidth);
            }
            flow.Y += height;
        }
        flow.Y += SectionGap - 2;
    }

    // ---------------------------------------------------------------- services table

    private sealed record Column(string Label, string Box, double X, double Width, TextAlign Align);

    private static IReadOnlyList<Column> ServiceColumns(double left, double width)
    {
        (string Label, string Box, double Width, TextAlign Align)[] spec =
        [
            ("Date of service", "24A", 48, TextAlign.Left),
            ("POS", "24B", 24, TextAlign.Center),
            ("Code", "24D", 36, TextAlign.Left),
            ("Modifier", "24D", 38, TextAlign.Left),
            ("Description", "", 0, TextAlign.Left),
            ("Dx pointer", "24E", 38, TextAlign.Center),
            ("Units", "24G", 26, TextAlign.Right),
            ("Unit charge", "", 48, TextAlign.Right),
            ("Charge", "24F", 52, TextAlign.Right),
            ("Rendering NPI", "24J", 52, TextAlign.Left),
        ];
        var flexible = width - spec.Sum(s => s.Width);
        var x = left;
        var columns = new List<Column>();
        foreach (var s in spec)
        {
            var w = s.Width == 0 ? flexible : s.Width;
            columns.Add(new Column(s.Label, s.Box, x, w, s.Align));
            x += w;
        }
        return columns;
    }

    private double ServiceHeaderHeight(XGraphics g) =>
        _columns.Max(c => PdfText.Wrap(g, c.Label, Typography.TableHeader, c.Width - 2 * CellPadX).Count) * Typography.TableHeader.LineHeight
        + Typography.TableHeaderBox.LineHeight + 2 * CellPadY;

    private void ComposeServiceHeader(PageFlow flow, double height)
    {
        var g = flow.Gfx;
        g.DrawRectangle(AccentBrush, flow.Left, flow.Y, flow.Width, height);
        foreach (var c in _columns)
        {
            var lines = PdfText.Wrap(g, c.Label, Typography.TableHeader, c.Width - 2 * CellPadX);
            var used = PdfText.DrawLines(g, lines, Typography.TableHeader, c.X + CellPadX, flow.Y + CellPadY, c.Width - 2 * CellPadX, c.Align);
            PdfText.Draw(g, c.Box, Typography.TableHeaderBox, c.X + CellPadX, flow.Y + CellPadY + used, c.Width - 2 * CellPadX, c.Align);
        }
        flow.Y += height;
    }

    private void ComposeServices(PageFlow flow)
    {
        var g = flow.Gfx;
        var headerHeight = ServiceHeaderHeight(g);
        var continuedNote = Typography.Small.LineHeight + 3;
        var description = _columns[4];
        var rows = _model.Lines.Select(line =>
        {
            var text = line.IsAddOn ? "Add-on: " + line.Description : line.Description;
            var lines = PdfText.Wrap(g, text, Typography.TableCell, description.Width - 2 * CellPadX);
            return (Line: line, Description: lines, Height: PdfText.Height(Math.Max(1, lines.Count), Typography.TableCell) + 2 * CellPadY);
        }).ToList();

        // What follows the table (totals, statement, signature) is kept with its last row, so the signature never
        // stands alone on a page: a page break falls before the last row rather than between it and the totals.
        var tail = SectionGap + TotalsHeight(g) + SignatureHeight;

        // Keep the title, the column header and at least two rows together (with the tail when they are the last).
        var firstRows = rows.Take(2).Sum(r => r.Height);
        flow.EnsureRoom(SectionTitleHeight + headerHeight + firstRows + (rows.Count <= 2 ? tail : continuedNote));
        g = flow.Gfx;
        SectionTitle(flow, $"Services (24) · {rows.Count} {(rows.Count == 1 ? "line" : "lines")}");
        ComposeServiceHeader(flow, headerHeight);

        // Several locations: a facility row (box 32) above each run of lines rendered there.
        var facilities = _model.Facilities is { Count: > 1 } ? _model.Facilities.ToDictionary(f => f.Code) : null;
        var facilityRowHeight = Typography.TableCellStrong.LineHeight + 2 * CellPadY;
        string? currentFacility = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var (line, descriptionLines, height) = rows[i];
            var isLast = i == rows.Count - 1;
            var facilityRow = facilities is not null && (i == 0 || line.FacilityCode != currentFacility);
            if (!flow.Fits(height + (facilityRow ? facilityRowHeight : 0) + (isLast ? tail : continuedNote)))
            {
                PdfText.Draw(g, "Services continue on the next page.", Typography.Small, flow.Left, flow.Y + 3, flow.Width, TextAlign.Right);
                flow.NewPage();
                g = flow.Gfx;
                PdfText.Draw(g, $"SERVICES (24), CONTINUED FROM PAGE {flow.PageNumber - 1}", Typography.Heading, flow.Left, flow.Y, flow.Width);
                flow.Y += Typography.Heading.LineHeight + 2;
                ComposeServiceHeader(flow, headerHeight);
                facilityRow = facilities is not null; // a continued page says again where its first lines were rendered
            }

            if (facilityRow)
            {
                currentFacility = line.FacilityCode;
                var text = "Service facility (32): " + (line.FacilityCode is { } fc && facilities!.TryGetValue(fc, out var f) ? f.OneLine : "not recorded");
                g.DrawRectangle(PanelBrush, flow.Left, flow.Y, flow.Width, facilityRowHeight);
                PdfText.Draw(g, PdfText.Fit(g, text, Typography.TableCellStrong, flow.Width - 2 * CellPadX), Typography.TableCellStrong,
                    flow.Left + CellPadX, flow.Y + CellPadY, flow.Width - 2 * CellPadX);
                flow.Y += facilityRowHeight;
                g.DrawLine(RulePen, flow.Left, flow.Y, flow.Right, flow.Y);
            }
            if (i % 2 == 1) g.DrawRectangle(ZebraBrush, flow.Left, flow.Y, flow.Width, height);
            var top = flow.Y + CellPadY;
            string[] cells =
            [
                SuperbillFormat.Date(line.ServiceDate, _model.DateStyle),
                line.PlaceOfService,
                line.Code,
                SuperbillFormat.Modifiers(line.Modifiers),
                "",
                SuperbillFormat.Pointers(line.DiagnosisPointers),
                SuperbillFormat.Units(line.Units),
                SuperbillFormat.Money(line.UnitCharge),
                SuperbillFormat.Money(line.Charge),
                line.RenderingProviderNpi,
            ];
            for (var c = 0; c < _columns.Count; c++)
            {
                var col = _columns[c];
                if (c == 4)
                {
                    PdfText.DrawLines(g, descriptionLines, Typography.TableCell, col.X + CellPadX, top, col.Width - 2 * CellPadX);
                    continue;
                }
                var style = c is 2 or 8 ? Typography.TableCellStrong : Typography.TableCell;
                PdfText.Draw(g, PdfText.Fit(g, cells[c], style, col.Width - 2 * CellPadX), style, col.X + CellPadX, top, col.Width - 2 * CellPadX, col.Align);
            }
            flow.Y += height;
            g.DrawLine(RulePen, flow.Left, flow.Y, flow.Right, flow.Y);
        }
        flow.Y += SectionGap;
    }

    // ---------------------------------------------------------------- totals, statement, signature

    private const double TotalsWidth = 200;
    private const double TotalsGap = 18;
    private const double TotalsRuleGap = 2;
    private const double SignatureLineGap = 22;   // room to sign by hand above the line
    private static double SignatureHeight => SignatureLineGap + 2 + Typography.ValueStrong.LineHeight + Typography.Label.LineHeight;

    private IReadOnlyList<string> StatementLines(XGraphics g, double width) =>
        PdfText.Wrap(g, _model.InsurerStatement ?? SuperbillText.InsurerStatement(_model), Typography.Body, width);

    private (string Label, string Value, TextStyle LabelStyle, TextStyle ValueStyle)[] TotalRows()
    {
        var t = _model.Totals;
        return
        [
            ("Total charges (28)", SuperbillFormat.Money(t.Charges), Typography.TotalLabel, Typography.TotalValue),
            ("Amount paid (29)", SuperbillFormat.Money(t.AmountPaid), Typography.TotalLabel, Typography.TotalValue),
            ("Balance due (30)", SuperbillFormat.Money(t.Balance), Typography.TotalLabelStrong, Typography.TotalStrong),
        ];
    }

    private static double StatementHeight(int lines) => Typography.Heading.LineHeight + 2 + PdfText.Height(lines, Typography.Body);
    private double TotalsBoxHeight() => TotalRows().Sum(x => x.ValueStyle.LineHeight) + TotalsRuleGap + 2 * CardPadding;

    /// <summary>Height of the totals and statement block, including the gap before the signature.</summary>
    private double TotalsHeight(XGraphics g) =>
        Math.Max(StatementHeight(StatementLines(g, ContentWidth - TotalsWidth - TotalsGap).Count), TotalsBoxHeight()) + SectionGap + 6;

    private double ContentWidth => _columns.Sum(c => c.Width);

    private void ComposeTotalsAndStatement(PageFlow flow)
    {
        var g = flow.Gfx;
        const double totalsWidth = TotalsWidth;
        var statementWidth = flow.Width - totalsWidth - TotalsGap;
        var statementLines = StatementLines(g, statementWidth);
        var statementHeight = StatementHeight(statementLines.Count);
        var totals = TotalRows();
        const double ruleGap = TotalsRuleGap;
        var totalsHeight = TotalsBoxHeight();
        // The signature comes along: it is never alone on a page.
        flow.EnsureRoom(TotalsHeight(g) + SignatureHeight);
        g = flow.Gfx;

        // Statement for the insurer.
        var top = flow.Y;
        PdfText.Draw(g, "STATEMENT FOR THE INSURER", Typography.Heading, flow.Left, top, statementWidth);
        PdfText.DrawLines(g, statementLines, Typography.Body, flow.Left, top + Typography.Heading.LineHeight + 2, statementWidth);

        // Totals box (boxes 28, 29, 30); a rule above the balance.
        var x = flow.Right - totalsWidth;
        var inner = totalsWidth - 2 * CardPadding;
        g.DrawRectangle(PanelBrush, x, top, totalsWidth, totalsHeight);
        var y = top + CardPadding;
        for (var i = 0; i < totals.Length; i++)
        {
            var (label, value, labelStyle, valueStyle) = totals[i];
            if (i == totals.Length - 1)
            {
                g.DrawLine(TotalPen, x + CardPadding, y + 1, x + totalsWidth - CardPadding, y + 1);
                y += ruleGap;
            }
            PdfText.Draw(g, label, labelStyle, x + CardPadding, y + (valueStyle.LineHeight - labelStyle.LineHeight) / 2, inner);
            PdfText.Draw(g, value, valueStyle, x + CardPadding, y, inner, TextAlign.Right);
            y += valueStyle.LineHeight;
        }

        flow.Y = top + Math.Max(statementHeight, totalsHeight) + SectionGap + 6;
    }

    private void ComposeSignature(PageFlow flow)
    {
        var g = flow.Gfx;
        var s = _model.Signature;
        const double lineGap = SignatureLineGap;
        flow.EnsureRoom(SignatureHeight);
        g = flow.Gfx;

        var signatureWidth = flow.Width * 0.58;
        const double dateWidth = 140;
        var dateX = flow.Right - dateWidth;
        var lineY = flow.Y + lineGap;

        if (!string.IsNullOrWhiteSpace(s.SignatureText))
            PdfText.Draw(g, PdfText.Fit(g, s.SignatureText!, Typography.Signature, signatureWidth), Typography.Signature, flow.Left + 2, lineY - Typography.Signature.LineHeight - 1, signatureWidth);
        g.DrawLine(SignaturePen, flow.Left, lineY, flow.Left + signatureWidth, lineY);
        PdfText.Draw(g, SuperbillFormat.Date(s.SignedOn, _model.DateStyle), Typography.Value, dateX + 2, lineY - Typography.Value.LineHeight - 1, dateWidth);
        g.DrawLine(SignaturePen, dateX, lineY, flow.Right, lineY);

        var y = lineY + 2;
        var name = (string.IsNullOrWhiteSpace(s.Credentials) ? s.ProviderName : $"{s.ProviderName}, {s.Credentials}")
                   + (string.IsNullOrWhiteSpace(s.Npi) ? "" : $" · NPI {s.Npi}");
        PdfText.Draw(g, PdfText.Fit(g, name, Typography.ValueStrong, signatureWidth), Typography.ValueStrong, flow.Left, y, signatureWidth);
        PdfText.Draw(g, "DATE", Typography.Label, dateX, y + 1, dateWidth);
        y += Typography.ValueStrong.LineHeight;
        PdfText.Draw(g, "SIGNATURE OF PHYSICIAN OR SUPPLIER (31)", Typography.Label, flow.Left, y, signatureWidth);
        flow.Y = y + Typography.Label.LineHeight + SectionGap;
    }

    // ---------------------------------------------------------------- footer (every page)

    private void ComposeFooter(XGraphics g, int page, int pageCount)
    {
        var left = Margins.Left;
        var width = g.PageSize.Width - Margins.Left - Margins.Right;
        var pageHeight = g.PageSize.Height;

        if (_model.Void is not null) ComposeWatermark(g);

        var bottomLineTop = pageHeight - FooterBottom - Typography.Small.LineHeight;
        var footerLines = PdfText.Wrap(g, _model.FooterText, Typography.Small, width);
        if (footerLines.Count > FooterTextMaxLines)
            footerLines = [.. footerLines.Take(FooterTextMaxLines - 1), PdfText.Fit(g, footerLines[FooterTextMaxLines - 1] + " …", Typography.Small, width)];
        var textTop = bottomLineTop - 3 - PdfText.Height(footerLines.Count, Typography.Small);
        var ruleY = textTop - 4;
        g.DrawLine(RulePen, left, ruleY, left + width, ruleY);
        PdfText.DrawLines(g, footerLines, Typography.Small, left, textTop, width, TextAlign.Center);

        var docText = $"Superbill {SuperbillFormat.DocumentNumber(_model)} · issued {SuperbillFormat.Date(_model.IssuedOn, _model.DateStyle)}";
        if (_model.Void is not null) docText += " · " + _model.Void.Banner;
        var pageText = $"Page {page} of {pageCount}";
        var docStyle = _model.Void is null ? Typography.Small : Typography.SmallVoid;
        PdfText.Draw(g, PdfText.Fit(g, docText, docStyle, width - 80), docStyle, left, bottomLineTop, width - 80);
        PdfText.Draw(g, pageText, Typography.Small, left, bottomLineTop, width, TextAlign.Right);
    }

    private void ComposeWatermark(XGraphics g)
    {
        var center = new XPoint(g.PageSize.Width / 2, g.PageSize.Height / 2);
        var state = g.Save();
        g.RotateAtTransform(-35, center);
        // Only the word: "replaced by …" is in the page-1 banner and in every footer.
        g.DrawString("VOID", Typography.Watermark.Font, Typography.Watermark.Brush, center, XStringFormats.Center);
        g.Restore(state);
    }
}
