using System.Security.Cryptography;
using ClinicAdmin.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ClinicAdmin.Web.Features.Superbills;

/// <summary>How patient-link e-mail leaves the app.</summary>
public enum MailDelivery { Smtp, PickupFolder, None }

/// <summary>The message was not handed over (server refused, unreachable, TLS or sign-in failed); details are in the log.</summary>
public sealed class MailNotSentException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Sends the patient-link e-mail with MailKit through the configured SMTP server (STARTTLS or TLS, with sign-in), or
/// into a pickup folder outside Production. In Production without a host there is no delivery at all: the page then
/// says so instead of writing live tokens to disk (issue 13, finding 7).
/// </summary>
public sealed class LinkMailer(IOptions<SmtpOptions> smtp, IOptions<DatabaseOptions> database, IHostEnvironment env, ILogger<LinkMailer> log)
{
    public MailDelivery Delivery =>
        !string.IsNullOrWhiteSpace(smtp.Value.Host) && string.IsNullOrWhiteSpace(smtp.Value.PickupDirectory) ? MailDelivery.Smtp
        : !string.IsNullOrWhiteSpace(smtp.Value.PickupDirectory) || !env.IsProduction() ? MailDelivery.PickupFolder
        : MailDelivery.None;

    /// <summary>The folder .eml files are written to, or null when mail goes to the SMTP host (or nowhere).</summary>
    public string? PickupDirectory
    {
        get
        {
            if (Delivery != MailDelivery.PickupFolder) return null;
            var dir = string.IsNullOrWhiteSpace(smtp.Value.PickupDirectory) ? "mail-pickup" : smtp.Value.PickupDirectory;
            return Path.IsPathRooted(dir) ? dir : Path.Combine(database.Value.ResolvedDataDirectory, dir);
        }
    }

    public async Task SendAsync(string to, string subject, string body, int documentId, CancellationToken ct = default)
    {
        var o = smtp.Value;
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        switch (Delivery)
        {
            case MailDelivery.PickupFolder:
                var dir = PickupDirectory!;
                Directory.CreateDirectory(dir);
                await message.WriteToAsync(Path.Combine(dir, $"{Guid.NewGuid():N}.eml"), ct);
                break;
            case MailDelivery.Smtp:
                try { await SendSmtpAsync(o, message, ct); }
                catch (Exception e) when (e is MailKit.CommandException or MailKit.ProtocolException or AuthenticationException or SslHandshakeException
                                              or System.Net.Sockets.SocketException or IOException or TimeoutException)
                {
                    log.LogWarning("Patient link e-mail for document {DocumentId} not sent: {ErrorType} {Error}", documentId, e.GetType().Name, e.Message);
                    throw new MailNotSentException("The mail server did not take the message.", e);
                }
                break;
            default:
                throw new InvalidOperationException("No mail delivery is configured (Smtp:Host).");
        }
        log.LogInformation("Patient link e-mail for document {DocumentId} handed to {Delivery}", documentId, Delivery);
    }

    private static async Task SendSmtpAsync(SmtpOptions o, MimeMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(o.TimeoutSeconds).TotalMilliseconds };
        if (!string.IsNullOrWhiteSpace(o.CertificateSha256))
        {
            // A clinic's own server with a self-signed certificate: trust exactly this certificate, nothing else.
            var pin = o.CertificateSha256.Replace(":", "", StringComparison.Ordinal).Trim();
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None ||
                (certificate is not null && string.Equals(Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData())), pin, StringComparison.OrdinalIgnoreCase));
        }
        var security = o.Security switch
        {
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.None,
        };
        await client.ConnectAsync(o.Host, o.Port, security, ct);
        if (!string.IsNullOrEmpty(o.UserName)) await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}
