using System.Net.Mail;
using ClinicAdmin.Data;
using Microsoft.Extensions.Options;

namespace ClinicAdmin.Web.Features.Superbills;

/// <summary>Sends the patient-link e-mail through the configured SMTP server, or into a pickup folder (development).</summary>
public sealed class LinkMailer(IOptions<SmtpOptions> smtp, IOptions<DatabaseOptions> database, ILogger<LinkMailer> log)
{
    /// <summary>The folder .eml files are written to, or null when mail goes to the SMTP host.</summary>
    public string? PickupDirectory
    {
        get
        {
            var o = smtp.Value;
            if (string.IsNullOrWhiteSpace(o.PickupDirectory) && !string.IsNullOrWhiteSpace(o.Host)) return null;
            var dir = string.IsNullOrWhiteSpace(o.PickupDirectory) ? "mail-pickup" : o.PickupDirectory;
            return Path.IsPathRooted(dir) ? dir : Path.Combine(database.Value.ResolvedDataDirectory, dir);
        }
    }

    public async Task SendAsync(string to, string subject, string body, int documentId, CancellationToken ct = default)
    {
        var o = smtp.Value;
        using var message = new MailMessage(o.From, to, subject, body);
        using var client = new SmtpClient();
        if (PickupDirectory is { } dir)
        {
            Directory.CreateDirectory(dir);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = dir;
        }
        else
        {
            client.Host = o.Host!;
            client.Port = o.Port;
            client.EnableSsl = o.EnableSsl;
        }
        await client.SendMailAsync(message, ct);
        log.LogInformation("Patient link e-mail for document {DocumentId} handed to {Delivery}", documentId, PickupDirectory is null ? "SMTP" : "the pickup folder");
    }
}
