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

    /// <summary>The number a visit at <paramref name="startedAt"/> would get among <paramref name="otherStarts"/> (the course's other visits).</summary>
    public static int NumberAt(DateTime startedAt, IEnumerable<DateTime> otherStarts) =>
        otherStarts.Count(s => s <= startedAt) + 1;
}
