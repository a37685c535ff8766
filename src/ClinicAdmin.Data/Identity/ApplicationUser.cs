using Microsoft.AspNetCore.Identity;

namespace ClinicAdmin.Data.Identity;

/// <summary>A sign-in account. Linked from a <see cref="Domain.Staff.StaffMember"/> when the person is on the roster.</summary>
public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public bool IsDisabled { get; set; }
}
