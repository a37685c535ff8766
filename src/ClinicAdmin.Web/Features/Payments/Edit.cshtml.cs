using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ClinicAdmin.Data;
using ClinicAdmin.Data.Configurations;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Features.Patients;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Payments;

/// <summary>
/// Record a payment against a visit or the patient's account, or reverse one. Payments are a ledger: never edited or
/// deleted, a mistake is cancelled by a reversing entry with a reason (<see cref="PaymentRules"/>).
/// </summary>
[Authorize(Policy = Policies.ManagePatients)]
public class EditModel(ClinicDbContext db, ClinicTime clinicTime, ILogger<EditModel> log) : PageModel, IPatientDataPage
{
    [BindProperty] public PaymentInput Input { get; set; } = new();
    [BindProperty] public ReversalInput Reversal { get; set; } = new();

    public int PatientId { get; private set; }
    public PatientAccess? Access { get; private set; }
    public string PatientName { get; private set; } = "";
    public string Mrn { get; private set; } = "";
    public decimal Balance { get; private set; }
    public IReadOnlyList<(int Id, string Label)> Visits { get; private set; } = [];
    /// <summary>Set when reversing: the entry being cancelled.</summary>
    public Payment? Original { get; private set; }
    public DateTime OriginalLocal { get; private set; }

    public sealed class PaymentInput
    {
        [Display(Name = "For")] public int? VisitId { get; set; }
        [Display(Name = "Method")] public PaymentMethod Method { get; set; } = PaymentMethod.Card;
        /// <summary>Text, so "$1,250.00" is understood and whatever was typed is shown back with the error.</summary>
        [Display(Name = "Amount (USD)"), Required(ErrorMessage = "Enter the amount."), StringLength(20, ErrorMessage = "Enter an amount like 399 or 399.50.")]
        public string? Amount { get; set; }
        [Display(Name = "Received on"), Required(ErrorMessage = "Enter the date the payment was received.")]
        public DateOnly? ReceivedOn { get; set; }
        [Display(Name = "Reference"), StringLength(FieldLengths.Line, ErrorMessage = "{0} can be at most {1} characters.")]
        public string? Reference { get; set; }
    }

    public sealed class ReversalInput
    {
        [Display(Name = "Reason"), StringLength(PaymentRules.MaxReasonLength, ErrorMessage = "{0} can be at most {1} characters.")]
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? patientId, int? visitId, int? reverseId)
    {
        if (reverseId is { } rid)
        {
            if (!await LoadOriginalAsync(rid)) return NotFound();
            return Page();
        }
        if (patientId is null || !await LoadPatientAsync(patientId.Value)) return NotFound();
        Input.ReceivedOn = (await clinicTime.ClockAsync()).Today;
        if (visitId is { } v && Visits.Any(x => x.Id == v)) Input.VisitId = v;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? patientId)
    {
        if (patientId is null || !await LoadPatientAsync(patientId.Value)) return NotFound();
        ModelState.Remove("Reversal.Reason");
        var clock = await clinicTime.ClockAsync();
        var amount = RecordText.ParseAmount(Input.Amount);
        if (Input.Amount is not null && amount is null) ModelState.AddErrorOnce("Input.Amount", "Enter an amount like 399 or 399.50.");
        else if (amount is { } a && PaymentRules.AmountProblem(a) is { } problem) ModelState.AddErrorOnce("Input.Amount", problem);
        if (Input.ReceivedOn is { } on && on > clock.Today) ModelState.AddErrorOnce("Input.ReceivedOn", "A payment cannot be received after today.");
        if (Input.ReceivedOn is { } old && old < clock.Today.AddYears(-10)) ModelState.AddErrorOnce("Input.ReceivedOn", "That is more than 10 years ago; check the year.");
        if (Input.VisitId is { } vid && !Visits.Any(v => v.Id == vid)) ModelState.AddErrorOnce("Input.VisitId", "Choose one of this patient's visits, or the account.");
        if (!Enum.IsDefined(Input.Method)) ModelState.AddErrorOnce("Input.Method", "Choose how the patient paid.");
        if (!ModelState.IsValid) return Page();

        // Today: the moment it is recorded; an earlier day: noon of that day in clinic time (the hour is not known).
        var receivedAt = Input.ReceivedOn == clock.Today ? clinicTime.UtcNow : clock.ToUtc(Input.ReceivedOn!.Value.ToDateTime(new TimeOnly(12, 0)));
        var payment = PaymentRules.Receive(PatientId, Input.VisitId, amount!.Value, Input.Method, receivedAt, Input.Reference, RecordedBy());
        db.Payments.Add(payment);
        await db.SaveChangesAsync();
        log.LogInformation("Payment {PaymentId} recorded for patient {PatientId}", payment.Id, PatientId);
        TempData["Flash"] = $"Payment of {RecordText.Money(payment.Amount)} ({Vocabulary.Label(payment.Method)}) recorded.";
        return RedirectToPage("/Patients/Details", null, new { id = PatientId }, "payments-section");
    }

    public async Task<IActionResult> OnPostReverseAsync(int? reverseId)
    {
        if (reverseId is null || !await LoadOriginalAsync(reverseId.Value)) return NotFound();
        // Only the reason belongs to this form (the payment fields are not posted; their Required errors do not apply).
        if (ModelState.GetFieldValidationState("Reversal.Reason") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid) return Page();
        ModelState.Clear();
        var ledger = await db.Payments.AsNoTracking().Where(p => p.PatientId == PatientId).ToListAsync();
        try
        {
            var reversal = PaymentRules.Reverse(Original!, Reversal.Reason ?? "", ledger, clinicTime.UtcNow, RecordedBy());
            db.Payments.Add(reversal);
            await db.SaveChangesAsync();
            log.LogInformation("Payment {PaymentId} reversed by {ReversalId}", Original!.Id, reversal.Id);
            TempData["Flash"] = $"Payment #{Original.Id} reversed ({RecordText.Money(reversal.Amount)}).";
            return RedirectToPage("/Patients/Details", null, new { id = PatientId }, "payments-section");
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, "Reversal");
            return Page();
        }
    }

    private string RecordedBy() => User.Identity?.Name ?? "unknown";

    private async Task<bool> LoadOriginalAsync(int paymentId)
    {
        Original = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.Id == paymentId);
        if (Original is null || !await LoadPatientAsync(Original.PatientId)) return false;
        OriginalLocal = (await clinicTime.ClockAsync()).ToLocal(Original.ReceivedAt);
        return true;
    }

    private async Task<bool> LoadPatientAsync(int patientId)
    {
        var p = await db.Patients.AsNoTracking().Where(x => x.Id == patientId).Select(x => new { x.FirstName, x.LastName, x.Mrn }).SingleOrDefaultAsync();
        if (p is null) return false;
        PatientId = patientId; PatientName = $"{p.FirstName} {p.LastName}"; Mrn = p.Mrn;
        Access = PatientAccess.View(patientId);
        var clock = await clinicTime.ClockAsync();
        var visits = await db.Visits.AsNoTracking().Where(v => v.PatientId == patientId).OrderByDescending(v => v.StartedAt)
            .Select(v => new { v.Id, v.StartedAt, Charges = v.ChargeLines.Select(l => l.Amount).ToList() }).ToListAsync();
        var payments = await db.Payments.AsNoTracking().Where(x => x.PatientId == patientId).Select(x => new { x.VisitId, x.Amount }).ToListAsync();
        Visits = visits.Select(v => (v.Id, $"Visit {RecordText.DateTime(clock.ToLocal(v.StartedAt))} · {RecordText.Money(v.Charges.Sum())} · open {RecordText.Money(v.Charges.Sum() - payments.Where(x => x.VisitId == v.Id).Sum(x => x.Amount))}")).ToList();
        Balance = PaymentRules.Balance(visits.SelectMany(v => v.Charges), payments.Select(x => x.Amount));
        return true;
    }

}
