using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Reports.Superbills;
using ClinicAdmin.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Features.Superbills;

/// <summary>
/// Issues one superbill and stores it as an immutable <see cref="GeneratedDocument"/> under its request key.
/// Exactly one document per request key: if it already exists (a re-run after a crash, a second instance) that one is
/// returned, and a lost insert race links the winner's row.
/// </summary>
public sealed class SuperbillIssuer(ClinicDbContext db, SuperbillBuilder builder, SuperbillGenerator generator, TimeProvider time, ILogger<SuperbillIssuer> log)
{
    public async Task<int> IssueAsync(SuperbillScope scope, string requestKey, int version, int? replacesDocumentId, string issuedBy, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var existing = await db.Documents.AsNoTracking().Where(d => d.RequestKey == requestKey).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
            if (existing is { } id) return id;

            var clock = await ClinicClocks.ForAsync(db, time, ct);
            var now = time.GetUtcNow().UtcDateTime;

            GeneratedDocument? replaced = null;
            if (replacesDocumentId is { } rid)
                replaced = await db.Documents.SingleOrDefaultAsync(d => d.Id == rid && d.Kind == DocumentKind.Superbill, ct)
                           ?? throw new PermanentJobFailure("The superbill to correct no longer exists.");
            var baseNumber = replaced is null ? await db.NextSuperbillNumberAsync(clock.Today.Year, ct) : BaseNumber(replaced.DocumentNumber);

            var model = await builder.BuildAsync(scope, baseNumber, version, clock.Today, ct)
                        ?? throw new PermanentJobFailure("Nothing to bill: no visits with charges for this superbill.");
            SuperbillPdf pdf;
            try { pdf = generator.Generate(model); }
            catch (SuperbillIncompleteException e)
            {
                throw new PermanentJobFailure("The superbill cannot be issued until these are fixed: " + string.Join(" ", e.Problems));
            }

            var document = new GeneratedDocument
            {
                Kind = DocumentKind.Superbill, RequestKey = requestKey, Version = version,
                DocumentNumber = version > 1 ? $"{baseNumber}-v{version}" : baseNumber,
                FileName = SuperbillPdf.FileName(baseNumber, version), ContentType = SuperbillPdf.ContentType,
                Content = pdf.Bytes, Sha256 = pdf.Sha256, PatientId = scope.PatientId,
                PeriodStart = model.Lines.Min(l => l.ServiceDate), PeriodEnd = model.Lines.Max(l => l.ServiceDate),
                CreatedBy = issuedBy, CreatedAt = now,
            };
            db.Documents.Add(document);
            try
            {
                await db.SaveChangesAsync(ct);
                if (replaced is not null && replaced.VoidedAt is null)
                {
                    // The old PDF bytes are never touched: only its void marks change.
                    replaced.VoidedAt = now;
                    replaced.VoidedBy = issuedBy;
                    replaced.SupersededById = document.Id;
                    await db.SaveChangesAsync(ct);
                }
                log.LogInformation("Superbill document {DocumentId} issued (version {Version})", document.Id, version);
                return document.Id;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Either the same request won a race (then it exists and is returned above) or a document number was taken.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>"SB-2026-000123-v2" → "SB-2026-000123".</summary>
    public static string BaseNumber(string number) => Numbering.BaseNumber(number);
}
