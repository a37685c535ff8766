using ClinicAdmin.Data.Identity;
using ClinicAdmin.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Demo;

namespace ClinicAdmin.Web.Features.Users;

/// <summary>
/// Command-line account management, for the first practice-manager account in production:
///   dotnet ClinicAdmin.Web.dll users create --email a@b.org --name "Full Name" --role PracticeManager
///   (the password is read from the CLINICADMIN_PASSWORD variable, or from standard input)
///   dotnet ClinicAdmin.Web.dll users list
/// </summary>
public static class UsersCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        await app.InitializeDatabaseAsync();
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        switch (args.FirstOrDefault())
        {
            case "list":
                foreach (var u in await users.Users.OrderBy(u => u.Email).ToListAsync())
                    Console.WriteLine($"{u.Email,-32} {string.Join(",", await users.GetRolesAsync(u)),-20} {(u.IsDisabled ? "disabled" : "")}");
                return 0;
            case "create":
                var email = Arg(args, "--email");
                var name = Arg(args, "--name") ?? email;
                var role = Arg(args, "--role") ?? Roles.PracticeManager;
                if (email is null || !Roles.All.Contains(role))
                {
                    Console.Error.WriteLine($"usage: users create --email EMAIL --name \"NAME\" --role {string.Join("|", Roles.All)}");
                    return 2;
                }
                var password = Environment.GetEnvironmentVariable("CLINICADMIN_PASSWORD");
                if (string.IsNullOrEmpty(password))
                {
                    Console.Error.Write("Password: ");
                    password = Console.ReadLine();
                }
                var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name! };
                var result = await users.CreateAsync(user, password ?? "");
                if (result.Succeeded) result = await users.AddToRoleAsync(user, role);
                if (!result.Succeeded)
                {
                    foreach (var e in result.Errors) Console.Error.WriteLine(e.Description);
                    return 1;
                }
                Console.WriteLine($"Created {email} ({Vocabulary.Role(role)}).");
                return 0;
            default:
                Console.Error.WriteLine("usage: users create --email EMAIL --name NAME --role ROLE | users list");
                return 2;
        }
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
