using ClinicAdmin.Data;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Superbills;

/// <summary>The patient's superbills on the patient page: versions, void state, download, correction and patient link.</summary>
public class PatientSuperbillsViewComponent(ClinicDbContext db, ClinicTime clinicTime, IAuthorizationService authorization) : ViewComponent
{
    public sealed record Row(int Id, string DocumentNumber, int Version, DateTime CreatedLocal, string CreatedBy, DateOnly? From, DateOnly? To,
                             DateTime? VoidedLocal, string? VoidedBy, string? SupersededBy, int Links);
    public sealed record ViewModel(int PatientId, IReadOnlyList<Row> Rows, bool HasEmail);

    public async Task<IViewComponentResult> InvokeAsync(int patientId)
    {
        if (!(await authorization.AuthorizeAsync(UserClaimsPrincipal, Policies.ManagePatients)).Succeeded) return Content("");
        var clock = await clinicTime.ClockAsync();
        var docs = await db.Documents.AsNoTracking().Where(d => d.PatientId == patientId && d.Kind == DocumentKind.Superbill)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Select(d => new
            {
                d.Id, d.DocumentNumber, d.Version, d.CreatedAt, d.CreatedBy, d.PeriodStart, d.PeriodEnd, d.VoidedAt, d.VoidedBy,
                SupersededBy = db.Documents.Where(n => n.Id == d.SupersededById).Select(n => n.DocumentNumber).FirstOrDefault(),
                Links = db.PatientLinks.Count(l => l.DocumentId == d.Id),
            }).ToListAsync();
        var hasEmail = await db.Patients.AnyAsync(p => p.Id == patientId && p.Email != null && p.Email != "");
        var rows = docs.Select(d => new Row(d.Id, d.DocumentNumber, d.Version, clock.ToLocal(d.CreatedAt), d.CreatedBy, d.PeriodStart, d.PeriodEnd,
            d.VoidedAt is { } v ? clock.ToLocal(v) : null, d.VoidedBy, d.SupersededBy, d.Links)).ToList();
        return View("~/Features/Superbills/_PatientSuperbills.cshtml", new ViewModel(patientId, rows, hasEmail));
    }
}
