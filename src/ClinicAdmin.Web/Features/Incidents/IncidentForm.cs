using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ClinicAdmin.Data.Configurations;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Route = ClinicAdmin.Domain.Visits.Route;

namespace ClinicAdmin.Web.Features.Incidents;

/// <summary>The incident form shared by Create and Edit. Times are clinic local; the domain checks what is impossible.</summary>
public sealed class IncidentInput
{
    private const string Long = "{0} can be at most {1} characters.";

    [Display(Name = "Type"), Required(ErrorMessage = "Choose the type of side effect.")]
    public IncidentType? Type { get; set; }
    [Display(Name = "Drug"), StringLength(FieldLengths.Name, ErrorMessage = Long)]
    public string? Drug { get; set; }
    [Display(Name = "Route")]
    public Route Route { get; set; } = Route.IV;
    [Display(Name = "Dose (mg)")]
    public decimal? DoseMg { get; set; }
    [Display(Name = "Lot number"), StringLength(FieldLengths.Short, ErrorMessage = Long)]
    public string? LotNumber { get; set; }
    [Display(Name = "Occurred at (clinic time)"), Required(ErrorMessage = "Enter when it happened.")]
    public DateTime? OccurredAt { get; set; }
    [Display(Name = "Onset (minutes after dosing began)")]
    public int? OnsetMinutesAfterDose { get; set; }
    [Display(Name = "What happened"), Required(ErrorMessage = "Describe what happened."), StringLength(FieldLengths.Text, ErrorMessage = Long)]
    public string? Description { get; set; }
    public VitalsInput Vitals { get; set; } = new();
    [Display(Name = "CTCAE grade"), Required(ErrorMessage = "Choose a CTCAE grade (1 to 5)."), Range(1, 5, ErrorMessage = "CTCAE grade is 1 to 5.")]
    public int? Grade { get; set; }
    [Display(Name = "Serious (FDA criteria)")]
    public List<SeriousCriteria> Serious { get; set; } = [];
    [Display(Name = "Action taken"), StringLength(FieldLengths.Text, ErrorMessage = Long)]
    public string? ActionTaken { get; set; }
    [Display(Name = "Rescue medication"), StringLength(FieldLengths.Line, ErrorMessage = Long)]
    public string? RescueMedication { get; set; }
    [Display(Name = "Rescue dose"), StringLength(FieldLengths.Short, ErrorMessage = Long)]
    public string? RescueDose { get; set; }
    [Display(Name = "Rescue given at")]
    public DateTime? RescueGivenAt { get; set; }
    [Display(Name = "Resolved at")]
    public DateTime? ResolvedAt { get; set; }
    [Display(Name = "Outcome")]
    public IncidentOutcome Outcome { get; set; } = IncidentOutcome.Unknown;
    [Display(Name = "Follow-up"), StringLength(FieldLengths.Text, ErrorMessage = Long)]
    public string? FollowUp { get; set; }
    [Display(Name = "Reported by"), Required(ErrorMessage = "Enter who reports the incident."), StringLength(FieldLengths.Line, ErrorMessage = Long)]
    public string? ReportedBy { get; set; }
    [Display(Name = "Reportable to FDA MedWatch")]
    public bool ReportableToMedWatch { get; set; }
    [Display(Name = "Reportable to the Spravato REMS")]
    public bool ReportableToRems { get; set; }

    public Guid ConcurrencyStamp { get; set; }
    /// <summary>The saved values when the form was opened, so a conflict can name what someone else changed.</summary>
    public string? Loaded { get; set; }
}

public static class IncidentForm
{
    public static DateTime Minute(DateTime t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0);

    public static IncidentInput From(Incident i, ClinicClock clock) => new()
    {
        Type = i.Type, Drug = i.Drug, Route = i.Route, DoseMg = i.DoseMg, LotNumber = i.LotNumber,
        OccurredAt = clock.ToLocal(i.OccurredAt), OnsetMinutesAfterDose = i.OnsetMinutesAfterDose, Description = i.Description,
        Vitals = VitalsInput.From(i.Vitals),
        Grade = i.Grade, Serious = IncidentText.Criteria.Where(c => i.Serious.HasFlag(c)).ToList(),
        ActionTaken = i.ActionTaken, RescueMedication = i.RescueMedication, RescueDose = i.RescueDose,
        RescueGivenAt = i.RescueGivenAt is { } g ? clock.ToLocal(g) : null, ResolvedAt = i.ResolvedAt is { } r ? clock.ToLocal(r) : null,
        Outcome = i.Outcome, FollowUp = i.FollowUp, ReportedBy = i.ReportedBy,
        ReportableToMedWatch = i.ReportableToMedWatch, ReportableToRems = i.ReportableToRems,
        ConcurrencyStamp = i.ConcurrencyStamp, Loaded = EditConflict.Snapshot(Values(i, clock)),
    };

    /// <summary>
    /// Copies the form onto the incident (times to UTC), classifies it and adds every broken rule to the model state.
    /// The caller has checked the incident is not locked. Returns whether the incident is valid.
    /// </summary>
    public static bool Apply(IncidentInput input, Incident target, ClinicClock clock, DateTime nowUtc, ModelStateDictionary ms)
    {
        DateTime? Utc(DateTime? local, string field)
        {
            if (local is not { } l) return null;
            if (clock.Zone.IsInvalidTime(l)) { AddOnce(ms, "Input." + field, "That time does not exist in the clinic's time zone (clocks went forward)."); return null; }
            return clock.ToUtc(l);
        }

        if (input.Type is { } type && Enum.IsDefined(type)) target.Type = type;
        if (!Enum.IsDefined(input.Route)) AddOnce(ms, "Input.Route", "Choose a route.");
        else target.Route = input.Route;
        if (!Enum.IsDefined(input.Outcome)) AddOnce(ms, "Input.Outcome", "Choose an outcome.");
        else target.Outcome = input.Outcome;
        target.Drug = Blank(input.Drug);
        target.DoseMg = input.DoseMg;
        target.LotNumber = Blank(input.LotNumber);
        if (Utc(input.OccurredAt, nameof(IncidentInput.OccurredAt)) is { } occurred) target.OccurredAt = occurred;
        target.OnsetMinutesAfterDose = input.OnsetMinutesAfterDose;
        target.Description = input.Description?.Trim() ?? "";
        // Set the owned values in place (replacing the object would make EF delete and re-add the owned row).
        target.Vitals ??= new VitalSigns();
        input.Vitals.CopyTo(target.Vitals);
        target.ActionTaken = Blank(input.ActionTaken);
        target.RescueMedication = Blank(input.RescueMedication);
        target.RescueDose = Blank(input.RescueDose);
        target.RescueGivenAt = Utc(input.RescueGivenAt, nameof(IncidentInput.RescueGivenAt));
        target.ResolvedAt = Utc(input.ResolvedAt, nameof(IncidentInput.ResolvedAt));
        target.FollowUp = Blank(input.FollowUp);
        target.ReportedBy = input.ReportedBy?.Trim() ?? "";
        target.ReportableToMedWatch = input.ReportableToMedWatch;
        target.ReportableToRems = input.ReportableToRems;

        var serious = input.Serious.Where(Enum.IsDefined).Aggregate(SeriousCriteria.None, (all, c) => all | c);
        try { if (input.Grade is { } grade) target.Classify(grade, serious); }
        catch (DomainException ex) { ms.AddDomainError(ex); }

        // Only judge the times once they are known, so a missing time is reported once (as "required").
        if (input.OccurredAt is not null)
            foreach (var problem in target.RuleViolations(nowUtc))
                AddOnce(ms, "Input." + problem.Field, problem.Message);
        return ms.IsValid;
    }

    private static void AddOnce(ModelStateDictionary ms, string key, string message) => ms.AddErrorOnce(key, message);

    private static string? Blank(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();

    /// <summary>The fields the form shows, as display text, keyed by input name (for concurrency messages).</summary>
    public static Dictionary<string, string?> Values(Incident i, ClinicClock clock)
    {
        string? T(DateTime? utc) => utc is { } u ? RecordText.DateTime(clock.ToLocal(u)) : null;
        return new()
        {
            ["Type"] = Vocabulary.Label(i.Type), ["Drug"] = i.Drug, ["Route"] = Vocabulary.Label(i.Route),
            ["DoseMg"] = i.DoseMg?.ToString("0.##", CultureInfo.InvariantCulture), ["LotNumber"] = i.LotNumber,
            ["OccurredAt"] = T(i.OccurredAt), ["OnsetMinutesAfterDose"] = i.OnsetMinutesAfterDose?.ToString(CultureInfo.InvariantCulture),
            ["Description"] = i.Description,
            ["Vitals.Systolic"] = i.Vitals.Systolic?.ToString(CultureInfo.InvariantCulture), ["Vitals.Diastolic"] = i.Vitals.Diastolic?.ToString(CultureInfo.InvariantCulture),
            ["Vitals.HeartRate"] = i.Vitals.HeartRate?.ToString(CultureInfo.InvariantCulture), ["Vitals.SpO2"] = i.Vitals.SpO2?.ToString(CultureInfo.InvariantCulture),
            ["Grade"] = i.Grade.ToString(CultureInfo.InvariantCulture), ["Serious"] = Vocabulary.Serious(i.Serious),
            ["ActionTaken"] = i.ActionTaken, ["RescueMedication"] = i.RescueMedication, ["RescueDose"] = i.RescueDose,
            ["RescueGivenAt"] = T(i.RescueGivenAt), ["ResolvedAt"] = T(i.ResolvedAt), ["Outcome"] = Vocabulary.Label(i.Outcome),
            ["FollowUp"] = i.FollowUp, ["ReportedBy"] = i.ReportedBy,
            ["ReportableToMedWatch"] = i.ReportableToMedWatch ? "yes" : "no", ["ReportableToRems"] = i.ReportableToRems ? "yes" : "no",
        };
    }

    public static string Label(string field) => field switch
    {
        "Type" => "Type", "Drug" => "Drug", "Route" => "Route", "DoseMg" => "Dose (mg)", "LotNumber" => "Lot number",
        "OccurredAt" => "Occurred at", "OnsetMinutesAfterDose" => "Onset", "Description" => "What happened",
        "Vitals.Systolic" => "Systolic BP", "Vitals.Diastolic" => "Diastolic BP", "Vitals.HeartRate" => "Heart rate", "Vitals.SpO2" => "SpO2",
        "Grade" => "CTCAE grade", "Serious" => "Serious", "ActionTaken" => "Action taken", "RescueMedication" => "Rescue medication",
        "RescueDose" => "Rescue dose", "RescueGivenAt" => "Rescue given at", "ResolvedAt" => "Resolved at", "Outcome" => "Outcome",
        "FollowUp" => "Follow-up", "ReportedBy" => "Reported by", "ReportableToMedWatch" => "MedWatch", "ReportableToRems" => "REMS",
        _ => field,
    };
}
