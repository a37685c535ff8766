using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Domain.Jobs;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Scheduling;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Domain.Visits;

// The switches below name every value on purpose (no "_" arm): a new enum value without a label is
// CS8509, which src/ClinicAdmin.Domain/.editorconfig makes an error for this file. Values outside the
// enum (casts of stray integers) are not labels, so CS8524 is not asked for.
#pragma warning disable CS8524

namespace ClinicAdmin.Domain.Common;

/// <summary>
/// The one place that names what a user sees of an enum: pages, select lists, the superbill PDF and the
/// outcome workbook all write these words. Clinical terms follow shared/DOMAIN.md (PTSD, CRPS, IV, raised
/// blood pressure); CTCAE v5 and FDA 3500 terms are our own short wording.
/// </summary>
public static class Vocabulary
{
    /// <summary>Every enum a user sees; the vocabulary tests walk each value of each.</summary>
    public static readonly IReadOnlyList<Type> UserFacing =
    [
        typeof(Indication), typeof(CourseStatus), typeof(IncidentType), typeof(IncidentOutcome), typeof(SeriousCriteria),
        typeof(ServiceCategory), typeof(Route), typeof(PaymentMethod), typeof(Instrument), typeof(JobStatus), typeof(DocumentKind),
        typeof(StaffStatus), typeof(DateStyle), typeof(AppointmentStatus), typeof(ResourceKind), typeof(BookingClash),
    ];

    /// <summary>Any user-facing enum value, for code that holds an <see cref="Enum"/>.</summary>
    public static string Label(Enum value) => value switch
    {
        Indication v => Label(v),
        CourseStatus v => Label(v),
        IncidentType v => Label(v),
        IncidentOutcome v => Label(v),
        SeriousCriteria v => Label(v),
        ServiceCategory v => Label(v),
        Route v => Label(v),
        PaymentMethod v => Label(v),
        Instrument v => Label(v),
        JobStatus v => Label(v),
        DocumentKind v => Label(v),
        StaffStatus v => Label(v),
        DateStyle v => Label(v),
        AppointmentStatus v => Label(v),
        ResourceKind v => Label(v),
        BookingClash v => Label(v),
        _ => throw new ArgumentException($"{value.GetType().Name} has no label in the vocabulary.", nameof(value)),
    };

    /// <summary>The values of <typeparamref name="T"/> in declaration order with their labels, for select lists.</summary>
    public static IReadOnlyList<(T Value, string Label)> Options<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => (v, Label(v))).ToList();

    public static string Label(Indication i) => i switch
    {
        Indication.TreatmentResistantDepression => "Treatment-resistant depression",
        Indication.SuicidalIdeation => "Suicidal ideation",
        Indication.Anxiety => "Anxiety",
        Indication.Ptsd => "PTSD",
        Indication.Ocd => "OCD",
        Indication.BipolarDepression => "Bipolar depression",
        Indication.ChronicPain => "Chronic pain",
        Indication.Crps => "CRPS",
        Indication.Fibromyalgia => "Fibromyalgia",
        Indication.Migraine => "Migraine",
        Indication.SubstanceUse => "Substance use disorder",
        Indication.Other => "Other",
    };

    public static string Label(CourseStatus s) => s switch
    {
        CourseStatus.Planned => "Planned",
        CourseStatus.Active => "Active",
        CourseStatus.Completed => "Completed",
        CourseStatus.Stopped => "Stopped",
    };

    public static string Label(IncidentType t) => t switch
    {
        IncidentType.NauseaVomiting => "Nausea/vomiting",
        IncidentType.Dizziness => "Dizziness",
        IncidentType.Headache => "Headache",
        IncidentType.Dissociation => "Dissociative/psychotomimetic effects",
        IncidentType.AnxietyAgitation => "Anxiety/agitation",
        IncidentType.Hypertension => "Raised blood pressure",
        IncidentType.Sedation => "Sedation",
        IncidentType.Desaturation => "Oxygen desaturation",
        IncidentType.NasalBurning => "Nasal burning/congestion",
        IncidentType.BladderSymptoms => "Bladder symptoms",
        IncidentType.BlurredVision => "Blurred vision",
        IncidentType.Other => "Other",
    };

    public static string Label(StaffStatus s) => s switch
    {
        StaffStatus.Upcoming => "Starting soon",
        StaffStatus.Active => "Active",
        StaffStatus.Leaving => "Leaving",
        StaffStatus.Inactive => "Former staff",
    };

    public static string Label(IncidentOutcome o) => o switch
    {
        IncidentOutcome.Resolved => "Resolved",
        IncidentOutcome.ResolvedWithSequelae => "Resolved with lasting effects",
        IncidentOutcome.Ongoing => "Ongoing",
        IncidentOutcome.Fatal => "Fatal",
        IncidentOutcome.Unknown => "Unknown",
    };

    /// <summary>One FDA seriousness criterion; None is "not serious". For a set of criteria use <see cref="Serious"/>.</summary>
    public static string Label(SeriousCriteria c) => c switch
    {
        SeriousCriteria.None => "Not serious",
        SeriousCriteria.Death => "Death",
        SeriousCriteria.LifeThreatening => "Life-threatening",
        SeriousCriteria.Hospitalisation => "Hospitalisation (new or prolonged)",
        SeriousCriteria.Disability => "Disability or permanent damage",
        SeriousCriteria.CongenitalAnomaly => "Congenital anomaly/birth defect",
        SeriousCriteria.RequiredIntervention => "Needed intervention to prevent permanent harm",
    };

    /// <summary>The FDA criteria a clinician ticks, in form order (None is "not serious").</summary>
    public static readonly IReadOnlyList<SeriousCriteria> SeriousCriteriaTicked =
    [
        SeriousCriteria.Death, SeriousCriteria.LifeThreatening, SeriousCriteria.Hospitalisation,
        SeriousCriteria.Disability, SeriousCriteria.CongenitalAnomaly, SeriousCriteria.RequiredIntervention,
    ];

    /// <summary>"No", or the criteria met joined with <paramref name="separator"/>.</summary>
    public static string Serious(SeriousCriteria s, string separator = ", ") =>
        s == SeriousCriteria.None ? "No" : string.Join(separator, SeriousCriteriaTicked.Where(c => s.HasFlag(c)).Select(Label));

    /// <summary>Catalog categories, written as the clinic groups its services (headings, bills, workbook).</summary>
    public static string Label(ServiceCategory c) => c switch
    {
        ServiceCategory.Infusion => "Infusions",
        ServiceCategory.ConsultationEvaluation => "Consultations & evaluations",
        ServiceCategory.Spravato => "Spravato (esketamine)",
        ServiceCategory.Intramuscular => "IM ketamine",
        ServiceCategory.HomeTherapy => "At-home therapy",
        ServiceCategory.IntegrationTherapy => "Preparation & integration therapy",
        ServiceCategory.AddOnTherapy => "Add-on therapies",
        ServiceCategory.PreMedication => "Pre-medications",
    };

    public static string Label(Route r) => r switch
    {
        Route.IV => "IV",
        Route.IM => "IM",
        Route.Intranasal => "Intranasal",
        Route.Oral => "Oral",
        Route.None => "—",
    };

    /// <summary>CareCredit is a brand and keeps its spelling.</summary>
    public static string Label(PaymentMethod m) => m switch
    {
        PaymentMethod.Card => "Card",
        PaymentMethod.CareCredit => "CareCredit",
        PaymentMethod.Cash => "Cash",
        PaymentMethod.Other => "Other",
    };

    public static string Label(Instrument i) => i switch
    {
        Instrument.Phq9 => "PHQ-9",
        Instrument.Gad7 => "GAD-7",
        Instrument.PainNrs => "Pain NRS",
        Instrument.Pcl5 => "PCL-5",
    };

    public static string Label(JobStatus s) => s switch
    {
        JobStatus.Queued => "Queued",
        JobStatus.Running => "Running",
        JobStatus.Succeeded => "Succeeded",
        JobStatus.Failed => "Failed",
        JobStatus.Cancelled => "Cancelled",
    };

    /// <summary>Each style shown by example, so the choice needs no explaining.</summary>
    public static string Label(DateStyle s) => s switch
    {
        DateStyle.UnitedStates => "US: 12/31/2026, 2:30 PM",
        DateStyle.International => "International: 31/12/2026, 14:30",
        DateStyle.Iso => "ISO: 2026-12-31, 14:30",
    };

    public static string Label(AppointmentStatus s) => s switch
    {
        AppointmentStatus.Booked => "Booked",
        AppointmentStatus.CheckedIn => "Checked in",
        AppointmentStatus.InChair => "In chair",
        AppointmentStatus.Completed => "Completed",
        AppointmentStatus.NoShow => "No-show",
        AppointmentStatus.Cancelled => "Cancelled",
    };

    /// <summary>What already holds the time when a booking is refused.</summary>
    public static string Label(BookingClash c) => c switch
    {
        BookingClash.Chair => "Chair or room",
        BookingClash.Provider => "Provider",
        BookingClash.Patient => "Patient",
    };

    public static string Label(ResourceKind k) => k switch
    {
        ResourceKind.InfusionChair => "Infusion chair",
        ResourceKind.SpravatoRoom => "Spravato room",
        ResourceKind.ConsultRoom => "Consult room",
    };

    public static string Label(DocumentKind k) => k switch
    {
        DocumentKind.Superbill => "Superbill",
        DocumentKind.OutcomeWorkbook => "Outcome workbook",
        DocumentKind.ClinicLogo => "Clinic logo",
    };

    /// <summary>CTCAE v5 grades 1–5.</summary>
    public static readonly IReadOnlyList<int> CtcaeGrades = [1, 2, 3, 4, 5];

    /// <summary>CTCAE v5 grade in one word: "Mild" … "Death".</summary>
    public static string CtcaeGrade(int grade) => grade switch
    {
        1 => "Mild", 2 => "Moderate", 3 => "Severe", 4 => "Life-threatening", 5 => "Death",
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, "CTCAE grade is 1 to 5."),
    };

    /// <summary>CTCAE v5 general grade meanings, in short.</summary>
    public static string CtcaeGradeMeaning(int grade) => grade switch
    {
        1 => "Mild: mild or no symptoms; observation only",
        2 => "Moderate: minimal, local or non-invasive treatment needed",
        3 => "Severe: medically significant; hospitalisation indicated",
        4 => "Life-threatening: urgent intervention needed",
        5 => "Death related to the event",
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, "CTCAE grade is 1 to 5."),
    };

    /// <summary>A sign-in role (<see cref="Roles"/>) as people call it.</summary>
    public static string Role(string role) => role switch
    {
        Roles.PracticeManager => "Practice manager",
        Roles.MedicalDirector => "Medical director",
        Roles.Clinician => "Clinician",
        Roles.FrontDesk => "Front desk / billing",
        _ => role,
    };
}
