using ClinicAdmin.Reports.Pdf;

namespace ClinicAdmin.Reports.Superbills;

/// <summary>A generated superbill: the PDF bytes and their SHA-256, ready to be stored as issued.</summary>
public sealed record SuperbillPdf(byte[] Bytes, string Sha256, int PageCount)
{
    public const string ContentType = "application/pdf";

    /// <summary>A download name without patient data, e.g. "superbill-SB-2025-000042-v1.pdf".</summary>
    public static string FileName(string documentNumber, int version) =>
        $"superbill-{string.Concat(documentNumber.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-'))}-v{version}.pdf";
}

/// <summary>
/// Model in, PDF out. Refuses to produce an invalid bill: a model with problems throws
/// <see cref="SuperbillIncompleteException"/> listing every one of them. Stateless and thread-safe.
/// </summary>
public sealed class SuperbillGenerator
{
    /// <summary>Checks the model and renders it; throws <see cref="SuperbillIncompleteException"/> when it has problems.</summary>
    public SuperbillPdf Generate(SuperbillModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var problems = model.Problems();
        if (problems.Count > 0) throw new SuperbillIncompleteException(model.DocumentNumber, problems);

        using var document = new SuperbillDocument(model).Compose();
        var pageCount = document.PageCount;
        var bytes = PdfOutput.Save(document);
        return new SuperbillPdf(bytes, DocumentHash.Sha256Hex(bytes), pageCount);
    }

    /// <summary>Just the bytes of <see cref="Generate"/>.</summary>
    public byte[] GeneratePdf(SuperbillModel model) => Generate(model).Bytes;
}
