using ClinicAdmin.Data.Identity;
using ClinicAdmin.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Demo;

namespace ClinicAdmin.Web.Features.Users;

/// <summary>
/// Command-line account management, for the first practice-manager account in production:
///   dotnet ClinicAdmin.Web.dll users create --email a@b.org --name "Full Name" --role PracticeManager
///   (the password is read from the CLINICADMIN_PASSWORD variable, or from standard input: not echoed on a terminal)
///   dotnet ClinicAdmin.Web.dll users list
///   dotnet ClinicAdmin.Web.dll users delete-demo     (removes *@demo.clinic sign-ins, which Production refuses to run with)
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
                    password = ReadPassword();
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
            case "delete-demo":
                foreach (var u in await users.Users.Where(u => u.NormalizedEmail!.EndsWith(Platform.Operations.ProductionGuard.DemoDomain.ToUpperInvariant())).ToListAsync())
                {
                    var deleted = await users.DeleteAsync(u);
                    Console.WriteLine(deleted.Succeeded ? $"Deleted {u.Email}." : $"Could not delete {u.Email}: {string.Join("; ", deleted.Errors.Select(e => e.Description))}");
                }
                return 0;
            default:
                Console.Error.WriteLine("usage: users create --email EMAIL --name NAME --role ROLE | users list | users delete-demo");
                return 2;
        }
    }

    /// <summary>A line from standard input; on a terminal read key by key without echo (a piped password still works).</summary>
    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected) return Console.ReadLine();
        var typed = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return typed.ToString();
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
