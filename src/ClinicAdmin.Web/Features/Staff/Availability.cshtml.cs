using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Staff;

/// <summary>One person's recurring weekly hours: several slots a day allowed, no overlaps. Practice manager only.</summary>
[Authorize(Policy = Policies.ManageAdmin)]
public class AvailabilityModel(ClinicDbContext db, ILogger<AvailabilityModel> log) : PageModel
{
    [BindProperty] public AvailabilityInput Input { get; set; } = new();

    public sealed class AvailabilityInput
    {
        /// <summary>Rows in form order; a row with both times empty is ignored (that is how a slot is removed without script).</summary>
        public List<SlotInput> Slots { get; set; } = [];
        public Guid ConcurrencyStamp { get; set; }
        /// <summary>The schedule as it was when the form was opened, to tell a real conflict from an unrelated save.</summary>
        public string? Loaded { get; set; }
    }

    public sealed class SlotInput
    {
        public DayOfWeek Day { get; set; }
        public TimeOnly? Start { get; set; }
        public TimeOnly? End { get; set; }
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var person = await db.Staff.AsNoTracking().Include(s => s.Availability).SingleOrDefaultAsync(s => s.Id == id);
        if (person is null) return NotFound();
        (Id, Name) = (id, person.DisplayName);
        var slots = Ordered(person.Availability.Select(a => new WeeklySlot(a.Day, a.Start, a.End)));
        Input = new AvailabilityInput
        {
            Slots = slots.Select(s => new SlotInput { Day = s.Day, Start = s.Start, End = s.End }).ToList(),
            ConcurrencyStamp = person.ConcurrencyStamp,
            Loaded = Describe(slots),
        };
        AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var person = await db.Staff.Include(s => s.Availability).SingleOrDefaultAsync(s => s.Id == id);
        if (person is null) return NotFound();
        (Id, Name) = (id, person.DisplayName);

        // Rows in the form, except the blank ones, remembering their position for the error messages.
        var rows = new List<(int Row, WeeklySlot Slot)>();
        for (var i = 0; i < Input.Slots.Count; i++)
        {
            var s = Input.Slots[i];
            if (!Enum.IsDefined(s.Day)) { ModelState.AddModelError($"Input.Slots[{i}].Day", "Pick a day of the week."); continue; }
            if (s.Start is null && s.End is null) continue;
            if (s.Start is null) { AddError(i, "Start", "Enter the start time."); continue; }
            if (s.End is null) { AddError(i, "End", "Enter the end time."); continue; }
            rows.Add((i, new WeeklySlot(s.Day, s.Start.Value, s.End.Value)));
        }
        foreach (var p in StaffMember.AvailabilityProblems(rows.Select(r => r.Slot).ToList()))
            AddError(rows[p.Index].Row, p.Field, p.Message);
        if (!ModelState.IsValid) return Redisplay();

        var savedNow = Describe(Ordered(person.Availability.Select(a => new WeeklySlot(a.Day, a.Start, a.End))));
        // (An empty schedule posts back as null.)
        if (person.ConcurrencyStamp != Input.ConcurrencyStamp && savedNow != (Input.Loaded ?? ""))
            return Conflict(savedNow, person.ConcurrencyStamp);

        person.SetAvailability(rows.Select(r => r.Slot));
        // The slots are child rows: update the person's stamp too, so two managers saving at the same moment cannot both
        // win. Expected value: the stamp just read (equal to the form's, or a save by someone else that left the schedule alone).
        var stamp = db.Entry(person).Property(x => x.ConcurrencyStamp);
        stamp.OriginalValue = person.ConcurrencyStamp;
        stamp.IsModified = true;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var fresh = await db.Staff.AsNoTracking().Include(s => s.Availability).SingleOrDefaultAsync(s => s.Id == id);
            if (fresh is null) return NotFound();
            return Conflict(Describe(Ordered(fresh.Availability.Select(a => new WeeklySlot(a.Day, a.Start, a.End)))), fresh.ConcurrencyStamp);
        }
        log.LogInformation("Availability of staff member {StaffId} saved ({Slots} slots)", id, rows.Count);
        TempData["Flash"] = $"Saved the weekly availability of {person.FirstName} {person.LastName}.";
        return RedirectToPage("/Staff/Details", new { id });
    }

    private void AddError(int row, string field, string message) => ModelState.AddModelError($"Input.Slots[{row}].{field}", message);

    private IActionResult Conflict(string savedNow, Guid stamp)
    {
        var typed = Describe(Ordered(Input.Slots.Where(s => s.Start is not null && s.End is not null).Select(s => new WeeklySlot(s.Day, s.Start!.Value, s.End!.Value))));
        var theirs = ByDay(savedNow);
        var yours = ByDay(typed);
        var days = WeeklySlot.WeekDays.Where(d => theirs.GetValueOrDefault(d, "") != yours.GetValueOrDefault(d, ""))
            .Select(d => new EditConflict.Change(d.ToString(), d.ToString(), Or(theirs.GetValueOrDefault(d)), Or(yours.GetValueOrDefault(d)))).ToList();
        // Days are rows of slots, not one input each: the message names them, without a field error.
        EditConflict.AddError(ModelState, "this person's availability", days, hasInput: _ => false);
        Input.ConcurrencyStamp = stamp;
        Input.Loaded = savedNow;
        return Redisplay();

        static string Or(string? hours) => string.IsNullOrEmpty(hours) ? "not available" : hours;
    }

    private IActionResult Redisplay()
    {
        AddBlankRows();
        return Page();
    }

    /// <summary>One empty row per day so a slot can be added without script (script adds more rows on demand).</summary>
    private void AddBlankRows()
    {
        foreach (var d in WeeklySlot.WeekDays)
            if (!Input.Slots.Any(s => s.Day == d && s.Start is null && s.End is null))
                Input.Slots.Add(new SlotInput { Day = d });
    }

    private static List<WeeklySlot> Ordered(IEnumerable<WeeklySlot> slots) =>
        slots.OrderBy(s => Array.IndexOf(WeeklySlot.WeekDays, s.Day)).ThenBy(s => s.Start).ToList();

    /// <summary>"Monday 09:00–21:00; Wednesday 09:00–21:00": a stable text form of a schedule.</summary>
    private static string Describe(List<WeeklySlot> slots) =>
        string.Join("; ", WeeklySlot.WeekDays.Where(d => slots.Any(s => s.Day == d))
            .Select(d => $"{d} {StaffView.Slots(slots.Where(s => s.Day == d).Select(s => (s.Start, s.End)))}"));

    private static Dictionary<DayOfWeek, string> ByDay(string described) =>
        WeeklySlot.WeekDays.ToDictionary(d => d, d => described.Split("; ", StringSplitOptions.RemoveEmptyEntries)
            .Where(part => part.StartsWith(d + " ", StringComparison.Ordinal)).Select(part => part[(d.ToString().Length + 1)..]).FirstOrDefault() ?? "");

    /// <summary>Row indexes of one day, in the order shown.</summary>
    public IEnumerable<int> RowsOf(DayOfWeek day) =>
        Enumerable.Range(0, Input.Slots.Count).Where(i => Input.Slots[i].Day == day)
            .OrderBy(i => Input.Slots[i].Start is null && Input.Slots[i].End is null ? 1 : 0).ThenBy(i => Input.Slots[i].Start);
}
