using ClinicAdmin.Web.PageKit;
using System.ComponentModel.DataAnnotations;
using ClinicAdmin.Data;
using ClinicAdmin.Data.Configurations;
using ClinicAdmin.Data.Identity;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Staff;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClinicAdmin.Web.Features.Users;

/// <summary>The account form: what it posts (a new account, or a change of name, role and staff link).</summary>
public sealed class AccountInput
{
    [Display(Name = "Email (used to sign in)"), Required(ErrorMessage = "Enter the email address."), EmailAddress(ErrorMessage = "Enter a valid email address."),
     StringLength(256, ErrorMessage = "{0} can be at most {1} characters.")]
    public string? Email { get; set; }
    [Display(Name = "Display name"), StringLength(FieldLengths.Line, ErrorMessage = "{0} can be at most {1} characters.")]
    public string? DisplayName { get; set; }
    [Display(Name = "Role"), Required(ErrorMessage = "Choose a role.")]
    public string? Role { get; set; }
    [Display(Name = "Initial password"), DataType(DataType.Password)]
    public string? Password { get; set; }
    [Display(Name = "Staff member")]
    public int? StaffMemberId { get; set; }
    public string? ConcurrencyStamp { get; set; }
    /// <summary>Name, role and link as they were when the form was opened, to tell a real conflict from a failed sign-in count.</summary>
    public string? Loaded { get; set; }
}

/// <summary>The account form's rules that are not page plumbing: Identity's errors by field, the password rules in words, what a conflict compares.</summary>
public static class AccountForm
{
    /// <summary>Identity's errors next to the field they are about: password rules on the password, email problems on the email.</summary>
    public static void AddIdentityErrors(this ModelStateDictionary modelState, IdentityResult result, string passwordKey)
    {
        var codes = result.Errors.Select(e => e.Code).ToHashSet();
        foreach (var e in result.Errors)
        {
            // The user name is the email: report a duplicate once, on the email.
            if (e.Code is "DuplicateUserName" && codes.Contains("DuplicateEmail")) continue;
            if (e.Code is "InvalidUserName" && codes.Contains("InvalidEmail")) continue;
            if (e.Code == "ConcurrencyFailure") { EditConflict.AddError(modelState, "this account", []); continue; }
            var key = e.Code switch
            {
                _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => passwordKey,
                "DuplicateEmail" or "InvalidEmail" or "DuplicateUserName" or "InvalidUserName" => "Input.Email",
                _ => "",
            };
            modelState.AddModelError(key, e.Description);
        }
    }

    /// <summary>"Passwords need at least 12 characters, a digit." from the configured options.</summary>
    public static string PasswordRules(PasswordOptions p)
    {
        var rules = new List<string> { $"at least {p.RequiredLength} characters" };
        if (p.RequireUppercase) rules.Add("an upper-case letter");
        if (p.RequireLowercase) rules.Add("a lower-case letter");
        if (p.RequireDigit) rules.Add("a digit");
        if (p.RequireNonAlphanumeric) rules.Add("a symbol");
        return "Passwords need " + string.Join(", ", rules) + ".";
    }

    /// <summary>The saved values this form edits, as display text keyed by input name (a failed sign-in count is not among them).</summary>
    public static Dictionary<string, string?> Values(string? displayName, string? role, string? staffName) => new()
    {
        [nameof(AccountInput.DisplayName)] = displayName,
        [nameof(AccountInput.Role)] = role is null ? null : Vocabulary.Role(role),
        [nameof(AccountInput.StaffMemberId)] = staffName,
    };

    /// <summary>The staff member <paramref name="staffId"/> for linking to account <paramref name="userId"/>, or why not.</summary>
    public static async Task<(StaffMember? Staff, string? Problem)> StaffLinkAsync(ClinicDbContext db, int? staffId, string? userId)
    {
        if (staffId is not { } sid) return (null, null);
        var staff = await db.Staff.SingleOrDefaultAsync(s => s.Id == sid);
        if (staff is null) return (null, "That staff member no longer exists.");
        if (staff.UserId is null || staff.UserId == userId) return (staff, null);
        var other = await db.Users.Where(u => u.Id == staff.UserId).Select(u => u.Email).SingleOrDefaultAsync();
        return (null, $"{staff.FirstName} {staff.LastName} is already linked to the account {other}. One account per person: unlink it there first.");
    }

    /// <summary>People without an account who are still on the roster, plus whoever the account is linked to now or was picked.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> StaffOptionsAsync(ClinicDbContext db, DateOnly today, string? userId, int? picked)
    {
        var options = await db.Staff.AsNoTracking()
            .Where(s => (s.UserId == null && (s.EndDate == null || s.EndDate >= today)) || (userId != null && s.UserId == userId) || s.Id == picked)
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new { s.Id, s.FirstName, s.LastName, s.Title }).ToListAsync();
        return options.Select(s => new SelectListItem($"{s.LastName}, {s.FirstName} · {s.Title}", s.Id.ToString())).ToList();
    }

    /// <summary>Gives the account exactly <paramref name="role"/>.</summary>
    public static async Task<IdentityResult> SetRoleAsync(UserManager<ApplicationUser> users, ApplicationUser user, IList<string> currentRoles, string role)
    {
        var result = IdentityResult.Success;
        var remove = currentRoles.Where(r => r != role).ToList();
        if (remove.Count > 0) result = await users.RemoveFromRolesAsync(user, remove);
        if (result.Succeeded && !currentRoles.Contains(role)) result = await users.AddToRoleAsync(user, role);
        // Roles travel in the sign-in cookie: a new stamp ends their sessions so the new role applies at the next sign-in.
        if (result.Succeeded) result = await users.UpdateSecurityStampAsync(user);
        return result;
    }
}
