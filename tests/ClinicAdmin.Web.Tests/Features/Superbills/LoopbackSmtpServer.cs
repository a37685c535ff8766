using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace ClinicAdmin.Web.Tests.Features.Superbills;

/// <summary>
/// A small real SMTP server on a loopback port, enough of RFC 5321 for one client: EHLO, STARTTLS (with a self-signed
/// certificate), AUTH PLAIN, MAIL, RCPT, DATA, QUIT. It records what the client did, so a test can check that the
/// message went over TLS, after signing in, and what it said. It serves one connection at a time until disposed.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<string> _log = [];

    public X509Certificate2 Certificate { get; }
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public string CertificateSha256 => Convert.ToHexString(SHA256.HashData(Certificate.RawData));
    public (string User, string Password)? Credentials { get; init; }

    public sealed record Received(bool OverTls, string? SignedInAs, string From, IReadOnlyList<string> To, string Data);
    public List<Received> Messages { get; } = [];
    public IReadOnlyList<string> Log { get { lock (_log) return _log.ToList(); } }

    public LoopbackSmtpServer()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Certificate = X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            using (client)
            {
                try { await SessionAsync(client.GetStream()); }
                catch (Exception e) when (e is IOException or AuthenticationException or ObjectDisposedException) { Note("connection ended: " + e.GetType().Name); }
            }
        }
    }

    private void Note(string line) { lock (_log) _log.Add(line); }

    private async Task SessionAsync(Stream stream)
    {
        var tls = false;
        string? signedIn = null, from = null;
        var to = new List<string>();
        var reader = new StreamReader(stream, Encoding.ASCII, false, 1024, leaveOpen: true);
        var writer = new StreamWriter(stream, Encoding.ASCII, 1024, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost test SMTP ready");
        while (await reader.ReadLineAsync() is { } line)
        {
            Note(line.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase) ? "AUTH ..." : line);
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-localhost");
                    if (!tls) await writer.WriteLineAsync("250-STARTTLS");
                    if (Credentials is not null) await writer.WriteLineAsync("250-AUTH PLAIN");
                    await writer.WriteLineAsync("250 8BITMIME");
                    break;
                case "STARTTLS":
                    await writer.WriteLineAsync("220 go ahead");
                    var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                    await ssl.AuthenticateAsServerAsync(Certificate);
                    stream = ssl;
                    tls = true;
                    reader = new StreamReader(stream, Encoding.ASCII, false, 1024, leaveOpen: true);
                    writer = new StreamWriter(stream, Encoding.ASCII, 1024, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
                    break;
                case "AUTH":
                    var parts = line.Split(' ');
                    var payload = parts.Length > 2 ? parts[2] : await AskAsync(reader, writer);
                    var fields = Encoding.UTF8.GetString(Convert.FromBase64String(payload ?? "")).Split('\0');
                    if (Credentials is { } c && fields.Length == 3 && fields[1] == c.User && fields[2] == c.Password)
                    {
                        signedIn = fields[1];
                        await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                    }
                    else await writer.WriteLineAsync("535 5.7.8 Authentication credentials invalid");
                    break;
                case "MAIL":
                    if (Credentials is not null && signedIn is null) { await writer.WriteLineAsync("530 5.7.0 Authentication required"); break; }
                    from = Between(line); to.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    to.Add(Between(line));
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } d && d != ".") data.AppendLine(d.StartsWith("..", StringComparison.Ordinal) ? d[1..] : d);
                    lock (Messages) Messages.Add(new Received(tls, signedIn, from ?? "", to.ToList(), data.ToString()));
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "RSET": from = null; to.Clear(); await writer.WriteLineAsync("250 OK"); break;
                case "NOOP": await writer.WriteLineAsync("250 OK"); break;
                case "QUIT": await writer.WriteLineAsync("221 Bye"); return;
                default: await writer.WriteLineAsync("502 5.5.2 Command not recognized"); break;
            }
        }
    }

    private static async Task<string?> AskAsync(StreamReader reader, StreamWriter writer)
    {
        await writer.WriteLineAsync("334 ");
        return await reader.ReadLineAsync();
    }

    private static string Between(string line) => line[(line.IndexOf('<') + 1)..line.LastIndexOf('>')];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _loop; } catch (OperationCanceledException) { }
        Certificate.Dispose();
    }
}
