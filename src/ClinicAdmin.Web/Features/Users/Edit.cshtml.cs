using System.ComponentModel.DataAnnotations;
using ClinicAdmin.Data;
using ClinicAdmin.Data.Configurations;
using ClinicAdmin.Data.Identity;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Users;

/// <summary>
/// Create an account, change its role, link it to one staff member, disable / enable, unlock, set a new password.
/// All through UserManager on the one DbContext, so every change is audited. A practice manager cannot disable or
/// demote their own account: otherwise the last one could lock everybody out. Practice manager only.
/// </summary>
[Authorize(Policy = Policies.ManageAdmin), RequireRecentSignIn]
public class EditModel(ClinicDbContext db, UserManager<ApplicationUser> users, ClinicTime clinicTime, TimeProvider time,
    IOptions<IdentityOptions> identity, ILogger<EditModel> log) : PageModel
{
    [BindProperty] public AccountInput Input { get; set; } = new();
    [BindProperty, Display(Name = "New password"), DataType(DataType.Password)] public string? NewPassword { get; set; }

    public string? Id { get; private set; }
    public bool IsYou { get; private set; }
    public string? SavedEmail { get; private set; }
    public bool IsDisabled { get; private set; }
    public DateTime? LockedUntilLocal { get; private set; }
    public int FailedSignIns { get; private set; }
    public IReadOnlyList<SelectListItem> StaffOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> RoleOptions { get; } = Roles.All.Select(r => new SelectListItem(Vocabulary.Role(r), r)).ToList();
    public string PasswordRules { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? id, int? staffId)
    {
        if (id is not null)
        {
            var user = await users.FindByIdAsync(id);
            if (user is null) return NotFound();
            await FillFromAsync(user);
        }
        else if (staffId is { } sid && await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sid && s.UserId == null) is { } person)
            Input = new AccountInput { StaffMemberId = sid, DisplayName = person.DisplayName, Email = person.Email };
        await LoadListsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        Id = null;
        if (!Roles.All.Contains(Input.Role) && Input.Role is not null) ModelState.AddModelError("Input.Role", "Choose one of the roles listed.");
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", "Enter an initial password.");
        var staff = await CheckStaffLinkAsync(null);
        var displayName = Input.DisplayName?.Trim() is { Length: > 0 } typed ? typed : staff?.DisplayName;
        if (displayName is null) ModelState.AddModelError("Input.DisplayName", "Enter a display name (or pick the staff member it belongs to).");
        if (!ModelState.IsValid) return await RedisplayAsync();

        var email = Input.Email!.Trim();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName! };
        // One transaction: an account never exists without its role and link.
        await using var tx = await db.Database.BeginTransactionAsync();
        var result = await users.CreateAsync(user, Input.Password!);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, Input.Role!);
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result, "Input.Password");
            await tx.RollbackAsync();
            db.ChangeTracker.Clear();
            return await RedisplayAsync();
        }
        if (staff is not null)
        {
            staff.UserId = user.Id;
            await db.SaveChangesAsync();
        }
        await tx.CommitAsync();
        log.LogInformation("Account {UserId} created with role {Role}, staff {StaffId}", user.Id, Input.Role, staff?.Id);
        TempData["Flash"] = $"Created the account {email} ({Vocabulary.Role(Input.Role!)}).";
        return RedirectToPage("/Users/Index");
    }

    public async Task<IActionResult> OnPostSaveAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        Id = id;
        await LoadStateAsync(user);
        // The email is shown, not edited, and the password has its own form.
        ModelState.Remove("Input.Email");
        ModelState.Remove("Input.Password");
        ModelState.Remove(nameof(NewPassword));
        Input.Email = user.Email;
        if (!Roles.All.Contains(Input.Role) && Input.Role is not null) ModelState.AddModelError("Input.Role", "Choose one of the roles listed.");
        if (IsYou && Input.Role is not null && Input.Role != Roles.PracticeManager)
            ModelState.AddModelError("Input.Role", "You cannot take the practice-manager role away from your own account: ask another practice manager.");
        if (string.IsNullOrWhiteSpace(Input.DisplayName)) ModelState.AddModelError("Input.DisplayName", "Enter a display name.");
        var staff = await CheckStaffLinkAsync(id);
        if (!ModelState.IsValid) return await RedisplayAsync();

        var currentRoles = await users.GetRolesAsync(user);
        var linkedNow = await db.Staff.SingleOrDefaultAsync(s => s.UserId == id);
        var savedNow = AccountForm.Values(user.DisplayName, currentRoles.FirstOrDefault(), linkedNow?.DisplayName);
        // A failed sign-in also changes the stamp: only a change of what this form edits is a conflict.
        if (user.ConcurrencyStamp != Input.ConcurrencyStamp && EditConflict.Overtaken(Input.Loaded, savedNow))
        {
            var typed = AccountForm.Values(Input.DisplayName?.Trim(), Input.Role, staff?.DisplayName);
            Input.Loaded = EditConflict.Refuse(ModelState, "this account", Input, Input.Loaded, savedNow, typed);
            Input.ConcurrencyStamp = user.ConcurrencyStamp;
            return await RedisplayAsync();
        }

        await using var tx = await db.Database.BeginTransactionAsync();
        user.DisplayName = Input.DisplayName!.Trim();
        var result = await users.UpdateAsync(user);
        var roleChanged = !(currentRoles.Count == 1 && currentRoles[0] == Input.Role);
        if (result.Succeeded && roleChanged) result = await AccountForm.SetRoleAsync(users, user, currentRoles, Input.Role!);
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result, "");
            await tx.RollbackAsync();
            db.ChangeTracker.Clear();
            return await RedisplayAsync();
        }
        if (linkedNow?.Id != staff?.Id)
        {
            if (linkedNow is not null) linkedNow.UserId = null;
            // Unlink first: the one-account-per-person index must never see two rows with this account.
            await db.SaveChangesAsync();
            if (staff is not null) { staff.UserId = id; await db.SaveChangesAsync(); }
        }
        await tx.CommitAsync();
        log.LogInformation("Account {UserId} saved (role changed: {RoleChanged})", id, roleChanged);
        TempData["Flash"] = $"Saved the account {user.Email}." + (roleChanged ? $" Role is now {Vocabulary.Role(Input.Role!)}; they sign in again to get it." : "");
        return RedirectToPage("/Users/Index");
    }

    public Task<IActionResult> OnPostDisableAsync(string id) => ActAsync(id, "disable", async user =>
    {
        if (user.Id == users.GetUserId(User)) return Fail("", "You cannot disable your own account: ask another practice manager.");
        user.IsDisabled = true;
        var result = await users.UpdateAsync(user);
        // Sign-in already refuses disabled accounts; the new stamp ends the sessions that are open now.
        if (result.Succeeded) result = await users.UpdateSecurityStampAsync(user);
        return result.Succeeded ? $"Disabled {user.Email}: they are signed out and cannot sign in." : Fail(result);
    });

    public Task<IActionResult> OnPostEnableAsync(string id) => ActAsync(id, "enable", async user =>
    {
        user.IsDisabled = false;
        var result = await users.UpdateAsync(user);
        return result.Succeeded ? $"Enabled {user.Email}: they can sign in again." : Fail(result);
    });

    public Task<IActionResult> OnPostUnlockAsync(string id) => ActAsync(id, "unlock", async user =>
    {
        var result = await users.SetLockoutEndDateAsync(user, null);
        if (result.Succeeded) result = await users.ResetAccessFailedCountAsync(user);
        return result.Succeeded ? $"Unlocked {user.Email}." : Fail(result);
    });

    public Task<IActionResult> OnPostPasswordAsync(string id) => ActAsync(id, "password", async user =>
    {
        if (string.IsNullOrEmpty(NewPassword)) return Fail(nameof(NewPassword), "Enter the new password.");
        // The reset path applies the password rules and changes the security stamp (open sessions end).
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, NewPassword);
        if (!result.Succeeded) return Fail(result, nameof(NewPassword));
        return $"Set a new password for {user.Email}. Give it to them in person; they are signed out everywhere.";
    });

    /// <summary>A one-button action: on success post/redirect/get, otherwise the page with the saved values and the error.</summary>
    private async Task<IActionResult> ActAsync(string id, string what, Func<ApplicationUser, Task<string?>> action)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        Id = id;
        ModelState.Clear();
        var flash = await action(user);
        if (flash is not null && ModelState.IsValid)
        {
            log.LogInformation("Account {UserId}: {Action}", id, what);
            TempData["Flash"] = flash;
            return RedirectToPage("/Users/Edit", new { id });
        }
        var errors = ModelState.Where(kv => kv.Value!.Errors.Count > 0).SelectMany(kv => kv.Value!.Errors.Select(e => (kv.Key, e.ErrorMessage))).ToList();
        db.ChangeTracker.Clear();
        user = (await users.FindByIdAsync(id))!;
        ModelState.Clear();
        foreach (var (key, message) in errors) ModelState.AddModelError(key, message);
        await FillFromAsync(user);
        await LoadListsAsync();
        return Page();
    }

    private string? Fail(string key, string message) { ModelState.AddModelError(key, message); return null; }
    private string? Fail(IdentityResult result, string passwordKey = "") { ModelState.AddIdentityErrors(result, passwordKey); return null; }

    /// <summary>The staff member picked for linking, if any; an error beside the choice if they are gone or already have another account.</summary>
    private async Task<ClinicAdmin.Domain.Staff.StaffMember?> CheckStaffLinkAsync(string? userId)
    {
        var (staff, problem) = await AccountForm.StaffLinkAsync(db, Input.StaffMemberId, userId);
        if (problem is not null) ModelState.AddModelError("Input.StaffMemberId", problem);
        return staff;
    }

    private async Task FillFromAsync(ApplicationUser user)
    {
        Id = user.Id;
        var role = (await users.GetRolesAsync(user)).FirstOrDefault();
        var linked = await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == user.Id);
        Input = new AccountInput
        {
            Email = user.Email, DisplayName = user.DisplayName, Role = role, StaffMemberId = linked?.Id,
            ConcurrencyStamp = user.ConcurrencyStamp, Loaded = EditConflict.Snapshot(AccountForm.Values(user.DisplayName, role, linked?.DisplayName)),
        };
        await LoadStateAsync(user);
    }

    private async Task LoadStateAsync(ApplicationUser user)
    {
        var clock = await clinicTime.ClockAsync();
        SavedEmail = user.Email;
        IsYou = user.Id == users.GetUserId(User);
        IsDisabled = user.IsDisabled;
        LockedUntilLocal = user.LockoutEnd > time.GetUtcNow() ? clock.ToLocal(user.LockoutEnd.Value.UtcDateTime) : null;
        FailedSignIns = user.AccessFailedCount;
    }

    private async Task<IActionResult> RedisplayAsync()
    {
        await LoadListsAsync();
        return Page();
    }

    private async Task LoadListsAsync()
    {
        var today = (await clinicTime.ClockAsync()).Today;
        StaffOptions = await AccountForm.StaffOptionsAsync(db, today, Id, Input.StaffMemberId);
        PasswordRules = AccountForm.PasswordRules(identity.Value.Password);
    }
}
