namespace ClinicAdmin.Reports.Superbills;

/// <summary>Fixed wording printed on superbills (our own words).</summary>
public static class SuperbillText
{
    public const string Title = "SUPERBILL";

    public const string Subtitle = "Itemized statement for insurance reimbursement";

    /// <summary>The standard statement for the insurer, worded for a bill paid in full or in part.</summary>
    public static string InsurerStatement(SuperbillModel model)
    {
        var paid = model.Totals.AmountPaid;
        var payment = model.Totals.Balance <= 0
            ? $"The patient has paid the charges above in full ({SuperbillFormat.Money(paid)})"
            : paid > 0
                ? $"The patient has paid {SuperbillFormat.Money(paid)} of the {SuperbillFormat.Money(model.Totals.Charges)} charged above"
                : $"The patient is responsible for the {SuperbillFormat.Money(model.Totals.Charges)} charged above";
        return payment + " and may submit this statement to their health plan to claim reimbursement. " +
               "The services listed were provided in person or by telehealth as shown by the place of service, " +
               "by the rendering providers named, and were medically necessary for the diagnoses given. " +
               "Any reimbursement should be paid to the patient. Questions about these services can be directed " +
               $"to {model.Clinic.Name} at {model.Clinic.Phone}.";
    }

    public static string KindLabel(SuperbillKind kind) => kind switch
    {
        SuperbillKind.SingleVisit => "Single visit",
        SuperbillKind.DateRange => "Services for a date range",
        SuperbillKind.TreatmentCourse => "Treatment course",
        _ => kind.ToString(),
    };
}
