namespace ClinicAdmin.Domain.Visits;

/// <summary>
/// Session numbers within a course: the course's visits in order of arrival are sessions 1, 2, 3 …
/// Recomputed whenever a visit joins, leaves or moves within a course, so a late entry cannot leave a gap or a duplicate.
/// </summary>
public static class SessionNumbering
{
    /// <summary>Gives each visit its number; returns the visits whose number changed.</summary>
    public static IReadOnlyList<Visit> Renumber(IEnumerable<Visit> courseVisits)
    {
        var changed = new List<Visit>();
        var n = 0;
        foreach (var v in courseVisits.OrderBy(v => v.StartedAt).ThenBy(v => v.Id == 0 ? int.MaxValue : v.Id))
        {
            n++;
            if (v.SessionNumber != n) { v.SessionNumber = n; changed.Add(v); }
        }
        return changed;
    }

    /// <summary>
    /// After <paramref name="visit"/> was saved into a course, moved to another, or taken out of one (<paramref name="leftCourse"/>):
    /// renumbers the course it is in and the course it left. <paramref name="otherVisits"/>: the other visits of those courses
    /// (the visit itself, if among them, is ignored). A visit outside any course has no session number. Returns the visits renumbered.
    /// </summary>
    public static IReadOnlyList<Visit> AfterMove(Visit visit, int? leftCourse, IEnumerable<Visit> otherVisits)
    {
        if (visit.TreatmentCourseId is null) visit.SessionNumber = null;
        var others = otherVisits.Where(v => !ReferenceEquals(v, visit) && (v.Id == 0 || v.Id != visit.Id)).ToList();
        var changed = new List<Visit>();
        foreach (var courseId in new[] { visit.TreatmentCourseId, leftCourse }.OfType<int>().Distinct())
        {
            var ofCourse = others.Where(v => v.TreatmentCourseId == courseId).ToList();
            if (visit.TreatmentCourseId == courseId) ofCourse.Add(visit);
            changed.AddRange(Renumber(ofCourse));
        }
        return changed;
    }

    /// <summary>The number a visit at <paramref name="startedAt"/> would get among <paramref name="otherStarts"/> (the course's other visits).</summary>
    public static int NumberAt(DateTime startedAt, IEnumerable<DateTime> otherStarts) =>
        otherStarts.Count(s => s <= startedAt) + 1;
}
