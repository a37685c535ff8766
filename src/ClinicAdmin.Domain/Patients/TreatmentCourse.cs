using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Patients;

public enum CourseStatus { Planned, Active, Completed, Stopped }

public enum Indication
{
    TreatmentResistantDepression, SuicidalIdeation, Anxiety, Ptsd, Ocd, BipolarDepression,
    ChronicPain, Crps, Fibromyalgia, Migraine, SubstanceUse, Other,
}

/// <summary>A series of treatments (induction, usually 6 infusions over 2–3 weeks) for one indication.</summary>
public class TreatmentCourse : EditableEntity
{
    public int PatientId { get; set; }
    public Indication Indication { get; set; }
    public int PlannedSessions { get; set; } = 6;
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public CourseStatus Status { get; set; } = CourseStatus.Planned;
    /// <summary>ICD-10-CM codes for this course, in the order they are lettered on a bill (A, B, ...).</summary>
    public List<CourseDiagnosis> Diagnoses { get; set; } = [];
    public string? Notes { get; set; }
    /// <summary>The provider of record (a rendering provider with an NPI): signs the course's superbills unless another is chosen.</summary>
    public int? SupervisingProviderId { get; set; }
}

public class CourseDiagnosis : Entity
{
    public int TreatmentCourseId { get; set; }
    public int Position { get; set; }
    public string Code { get; set; } = "";
    public string Description { get; set; } = "";
}
