using ClinicAdmin.Data;
using ClinicAdmin.Web.Features.Superbills;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Features.Superbills;

/// <summary>
/// Patient-link e-mail through MailKit to a real SMTP server on loopback (issue 13, finding 7; issue 12's MailKit item):
/// over STARTTLS, signed in, and never to a server whose certificate is not trusted.
/// </summary>
[Trait("Category", "Unit")]
public sealed class LinkMailerSmtpTests
{
    private const string Link = "https://clinic.example/PatientLink?t=abc123";

    private static LinkMailer Mailer(SmtpOptions smtp, string environment = "Testing") => new(
        Options.Create(smtp), Options.Create(new DatabaseOptions()),
        new HostingEnvironment { EnvironmentName = environment }, NullLogger<LinkMailer>.Instance);

    private static SmtpOptions To(LoopbackSmtpServer server) => new()
    {
        Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.StartTls, UserName = "clinic-mailer", Password = "mail-Secret-1",
        From = "billing@clinic.example", CertificateSha256 = server.CertificateSha256, TimeoutSeconds = 20,
    };

    [Fact]
    public async Task The_link_goes_over_STARTTLS_after_signing_in()
    {
        await using var server = new LoopbackSmtpServer { Credentials = ("clinic-mailer", "mail-Secret-1") };
        var mailer = Mailer(To(server));
        mailer.Delivery.ShouldBe(MailDelivery.Smtp);

        await mailer.SendAsync("patient@example.com", "Your superbill", $"Open this link:\n\n{Link}\n", documentId: 7);

        var message = server.Messages.ShouldHaveSingleItem();
        message.OverTls.ShouldBeTrue(string.Join("\n", server.Log));
        message.SignedInAs.ShouldBe("clinic-mailer");
        (message.From, message.To.Single()).ShouldBe(("billing@clinic.example", "patient@example.com"));
        message.Data.ShouldContain(Link);
        // STARTTLS came before the credentials: nothing secret crossed the wire in clear.
        var log = server.Log.ToList();
        log.IndexOf("STARTTLS").ShouldBeLessThan(log.IndexOf("AUTH ..."));
    }

    [Fact]
    public async Task A_server_whose_certificate_is_not_trusted_gets_nothing()
    {
        await using var server = new LoopbackSmtpServer { Credentials = ("clinic-mailer", "mail-Secret-1") };
        var options = To(server);
        options.CertificateSha256 = null; // self-signed and not pinned: an impostor as far as the app can tell
        await Should.ThrowAsync<MailNotSentException>(() => Mailer(options).SendAsync("patient@example.com", "Your superbill", Link, 7));
        server.Messages.ShouldBeEmpty();
        server.Log.ShouldNotContain("AUTH ...");
    }

    [Fact]
    public async Task Wrong_mail_server_credentials_are_a_clear_failure_and_nothing_is_sent()
    {
        await using var server = new LoopbackSmtpServer { Credentials = ("clinic-mailer", "mail-Secret-1") };
        var options = To(server);
        options.Password = "wrong";
        await Should.ThrowAsync<MailNotSentException>(() => Mailer(options).SendAsync("patient@example.com", "Your superbill", Link, 7));
        server.Messages.ShouldBeEmpty();
    }

    [Fact]
    public void Production_without_a_host_has_no_delivery_and_writes_no_files()
    {
        var mailer = Mailer(new SmtpOptions(), Environments.Production);
        mailer.Delivery.ShouldBe(MailDelivery.None);
        mailer.PickupDirectory.ShouldBeNull();
        Mailer(new SmtpOptions(), "Development").Delivery.ShouldBe(MailDelivery.PickupFolder);
    }
}
