using ClinicAdmin.Reports.Spreadsheets;

namespace ClinicAdmin.Reports.Workbooks;

/// <summary>
/// The columns of sheets 2–6. The patient name column exists only when the clinic allows names;
/// otherwise patients appear by MRN alone and no name reaches the file.
/// </summary>
internal static class OutcomeTables
{
    public static List<TableColumn<OutcomeRow>> Outcomes(bool names) =>
    [
        .. Patient<OutcomeRow>(names, r => r.PatientMrn, r => r.PatientName),
        TableColumn<OutcomeRow>.Label("Indication", 30, r => r.Indication),
        TableColumn<OutcomeRow>.Date("Course started", 14, r => r.CourseStarted),
        TableColumn<OutcomeRow>.Integer("Sessions so far", 10, r => r.SessionsSoFar),
        TableColumn<OutcomeRow>.Integer("PHQ-9 baseline", 10, r => r.Phq9Baseline),
        TableColumn<OutcomeRow>.Integer("PHQ-9 latest", 10, r => r.Phq9Latest),
        TableColumn<OutcomeRow>.Number("PHQ-9 change", 11, CellStyle.Percent, r => r.Phq9PercentChange / 100m),
        TableColumn<OutcomeRow>.Integer("GAD-7 baseline", 10, r => r.Gad7Baseline),
        TableColumn<OutcomeRow>.Integer("GAD-7 latest", 10, r => r.Gad7Latest),
        TableColumn<OutcomeRow>.Number("GAD-7 change", 11, CellStyle.Percent, r => r.Gad7PercentChange / 100m),
        TableColumn<OutcomeRow>.YesNo("Responder", 11, r => r.Responder),
        TableColumn<OutcomeRow>.YesNo("Remitter", 10, r => r.Remitter),
    ];

    public static List<TableColumn<AssessmentRow>> Assessments(bool names) =>
    [
        TableColumn<AssessmentRow>.DateTime("Taken at", 17, r => r.TakenAt),
        .. Patient<AssessmentRow>(names, r => r.PatientMrn, r => r.PatientName),
        TableColumn<AssessmentRow>.Label("Indication", 30, r => r.Indication),
        TableColumn<AssessmentRow>.Label("Instrument", 11, r => r.Instrument),
        TableColumn<AssessmentRow>.Integer("Total", 8, r => r.Total),
        TableColumn<AssessmentRow>.Label("Band", 18, r => r.Band),
        TableColumn<AssessmentRow>.YesNo("Baseline", 9, r => r.IsBaseline),
    ];

    public static List<TableColumn<SessionRow>> Sessions(bool names) =>
    [
        TableColumn<SessionRow>.Date("Date", 12, r => r.Date),
        .. Patient<SessionRow>(names, r => r.PatientMrn, r => r.PatientName),
        TableColumn<SessionRow>.Label("Provider", 26, r => r.Provider),
        TableColumn<SessionRow>.Label("Location", 10, r => r.Location),
        TableColumn<SessionRow>.Label("Service", 34, r => r.Service),
        TableColumn<SessionRow>.Label("Category", 20, r => r.Category),
        TableColumn<SessionRow>.Label("Route", 11, r => r.Route),
        TableColumn<SessionRow>.Integer("Session no.", 9, r => r.SessionNumber),
        TableColumn<SessionRow>.Number("Dose mg", 9, CellStyle.Decimal1, r => r.DoseMg),
        TableColumn<SessionRow>.Number("Dose mg/kg", 10, CellStyle.Decimal2, r => r.DoseMgPerKg),
        TableColumn<SessionRow>.Label("Add-ons", 30, r => r.AddOns.Count == 0 ? null : string.Join("; ", r.AddOns)),
        TableColumn<SessionRow>.Money("Charge", 12, r => r.Charge, total: true),
    ];

    public static List<TableColumn<IncidentRow>> Incidents(bool names) =>
    [
        TableColumn<IncidentRow>.DateTime("Occurred at", 17, r => r.OccurredAt),
        .. Patient<IncidentRow>(names, r => r.PatientMrn, r => r.PatientName),
        TableColumn<IncidentRow>.Text("Visit", 12, r => r.Visit),
        TableColumn<IncidentRow>.Label("Type", 20, r => r.Type),
        TableColumn<IncidentRow>.Integer("CTCAE grade", 8, r => r.Grade),
        TableColumn<IncidentRow>.YesNo("Serious", 8, r => r.Serious),
        TableColumn<IncidentRow>.Label("Serious criteria", 22, r => r.SeriousCriteria),
        TableColumn<IncidentRow>.Label("Drug", 12, r => r.Drug),
        TableColumn<IncidentRow>.Label("Route", 10, r => r.Route),
        TableColumn<IncidentRow>.Number("Dose mg", 9, CellStyle.Decimal1, r => r.DoseMg),
        TableColumn<IncidentRow>.Text("Lot number", 12, r => r.LotNumber),
        TableColumn<IncidentRow>.Integer("Onset, min after dose", 10, r => r.OnsetMinutesAfterDose),
        TableColumn<IncidentRow>.Text("Description", 50, r => r.Description),
        TableColumn<IncidentRow>.Integer("Systolic", 8, r => r.Systolic),
        TableColumn<IncidentRow>.Integer("Diastolic", 8, r => r.Diastolic),
        TableColumn<IncidentRow>.Integer("Heart rate", 8, r => r.HeartRate),
        TableColumn<IncidentRow>.Integer("SpO2 %", 8, r => r.SpO2),
        TableColumn<IncidentRow>.Text("Action taken", 30, r => r.ActionTaken),
        TableColumn<IncidentRow>.Label("Rescue medication", 18, r => r.RescueMedication),
        TableColumn<IncidentRow>.Label("Rescue dose", 12, r => r.RescueDose),
        TableColumn<IncidentRow>.DateTime("Rescue given at", 17, r => r.RescueGivenAt),
        TableColumn<IncidentRow>.DateTime("Resolved at", 17, r => r.ResolvedAt),
        TableColumn<IncidentRow>.Label("Outcome", 16, r => r.Outcome),
        TableColumn<IncidentRow>.Text("Follow-up", 30, r => r.FollowUp),
        TableColumn<IncidentRow>.Label("Reported by", 20, r => r.ReportedBy),
        TableColumn<IncidentRow>.Label("Reviewed by", 20, r => r.ReviewedBy),
        TableColumn<IncidentRow>.DateTime("Reviewed at", 17, r => r.ReviewedAt),
        TableColumn<IncidentRow>.Text("Review notes", 30, r => r.ReviewNotes),
        TableColumn<IncidentRow>.YesNo("Reportable: MedWatch", 11, r => r.ReportableToMedWatch),
        TableColumn<IncidentRow>.YesNo("Reportable: REMS", 11, r => r.ReportableToRems),
        TableColumn<IncidentRow>.Text("Addenda", 40, r => r.Addenda.Count == 0 ? null : string.Join(" | ", r.Addenda)),
    ];

    public static List<TableColumn<RevenueRow>> Revenue() =>
    [
        TableColumn<RevenueRow>.Label("Category", 24, r => r.Category),
        TableColumn<RevenueRow>.Label("Service", 40, r => r.Service),
        TableColumn<RevenueRow>.Integer("Sessions", 10, r => r.Sessions, total: true),
        TableColumn<RevenueRow>.Money("Amount", 14, r => r.Amount, total: true),
    ];

    private static IEnumerable<TableColumn<T>> Patient<T>(bool names, Func<T, string?> mrn, Func<T, string?> name)
    {
        yield return TableColumn<T>.Label("MRN", 12, mrn);
        if (names) yield return TableColumn<T>.Label("Patient", 24, name);
    }
}
