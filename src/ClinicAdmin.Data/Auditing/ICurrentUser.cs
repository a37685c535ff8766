namespace ClinicAdmin.Data.Auditing;

/// <summary>Who is making the change being saved: the signed-in user in a request, "system" in jobs and seeding.</summary>
public interface ICurrentUser
{
    string? UserId { get; }
    string UserName { get; }
}

public sealed class SystemUser : ICurrentUser
{
    public string? UserId => null;
    public string UserName => "system";
}
