using ClinicAdmin.Data;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Features.Visits;

/// <summary>What saving a visit does besides the visit itself: renumbering the sessions, and refusing a stale form.</summary>
public static class VisitSaving
{
    /// <summary>Session numbers of the course(s) touched: this visit's course, and the one it left.</summary>
    public static async Task RenumberAsync(ClinicDbContext db, Visit visit, int? oldCourse)
    {
        var courses = new[] { visit.TreatmentCourseId, oldCourse }.OfType<int>().Distinct().ToList();
        var others = courses.Count == 0 ? []
            : await db.Visits.Where(v => v.TreatmentCourseId != null && courses.Contains(v.TreatmentCourseId.Value) && v.Id != visit.Id).ToListAsync();
        SessionNumbering.AfterMove(visit, oldCourse, others);
    }

    /// <summary>Another clinician saved first. The visit form keeps no typed snapshot: the message names what they changed and their value now.</summary>
    public static void Refuse(ModelStateDictionary modelState, VisitInput input, Dictionary<string, string?> savedNow, Guid currentStamp)
    {
        var changes = EditConflict.ChangedFields(input.Loaded, savedNow).Select(f => new EditConflict.Change(f, VisitSnapshot.Label(f), savedNow[f], null)).ToList();
        EditConflict.AddError(modelState, "this visit", changes, hasInput: VisitSnapshot.HasInput);
        input.ConcurrencyStamp = currentStamp;
        input.Loaded = EditConflict.Snapshot(savedNow);
    }
}
