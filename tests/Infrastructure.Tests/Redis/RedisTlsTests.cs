using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Voting.Infrastructure.Redis;

namespace Voting.Infrastructure.Tests.Redis;

/// <summary>TLS against a private redis-server with a certificate for <c>localhost</c> issued by a CA made here.</summary>
public sealed class RedisTlsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task Client_talks_tls_to_a_server_whose_certificate_names_the_host(RedisProtocol protocol)
    {
        using var authority = new TestAuthority();
        await using var server = await PrivateRedisServer.StartTlsAsync(authority.ServerArguments);
        var options = RedisOptions.Parse($"127.0.0.1:{server.TlsPort},ssl=true,sslHost=localhost,connectTimeout=10000");
        options.Protocol = protocol;
        options.TrustedCertificateAuthorities = [authority.Certificate];

        await using var client = await RedisClient.ConnectAsync(options, cancellationToken: Ct);
        await using var subscription = await client.SubscribeAsync("secure", Ct);

        Assert.Equal(1, await client.IncrementAsync("over-tls", Ct));
        Assert.Equal(1, await client.PublishAsync("secure", "sealed", Ct));
        Assert.Equal("sealed", (await subscription.Messages.ReadAsync(Ct)).Payload.ToString());
    }

    [Fact]
    public async Task Certificate_for_another_host_name_is_refused()
    {
        using var authority = new TestAuthority();
        await using var server = await PrivateRedisServer.StartTlsAsync(authority.ServerArguments);
        var options = RedisOptions.Parse($"127.0.0.1:{server.TlsPort},ssl=true,sslHost=redis.example.com,connectTimeout=10000");
        options.TrustedCertificateAuthorities = [authority.Certificate];

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => RedisClient.ConnectAsync(options, cancellationToken: Ct));
        Assert.IsType<AuthenticationException>(error.InnerException);
    }

    [Fact]
    public async Task Certificate_from_an_untrusted_authority_is_refused()
    {
        using var authority = new TestAuthority();
        await using var server = await PrivateRedisServer.StartTlsAsync(authority.ServerArguments);
        var options = RedisOptions.Parse($"127.0.0.1:{server.TlsPort},ssl=true,sslHost=localhost,connectTimeout=10000");

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => RedisClient.ConnectAsync(options, cancellationToken: Ct));
        Assert.IsType<AuthenticationException>(error.InnerException);
    }

    /// <summary>A throwaway CA and a server certificate it signed for localhost and 127.0.0.1.</summary>
    private sealed class TestAuthority : IDisposable
    {
        private readonly RSA _serverKey = RSA.Create(2048);
        private readonly X509Certificate2 _server;

        public TestAuthority()
        {
            var now = DateTimeOffset.UtcNow;
            using var authorityKey = RSA.Create(2048);
            var authorityRequest = new CertificateRequest("CN=Voting Test CA", authorityKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            authorityRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(authorityRequest.PublicKey, false));
            Certificate = authorityRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));

            var serverRequest = new CertificateRequest("CN=localhost", _serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(IPAddress.Loopback);
            serverRequest.CertificateExtensions.Add(names.Build());
            serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
            serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
            serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
            _server = serverRequest.Create(Certificate, now.AddHours(-1), now.AddHours(12), RandomNumberGenerator.GetBytes(8));
        }

        public X509Certificate2 Certificate { get; }

        /// <summary>Writes the PEM files into the server's folder and names them as redis-server arguments.</summary>
        public string[] ServerArguments(string directory)
        {
            var certificate = Path.Combine(directory, "server.crt");
            var key = Path.Combine(directory, "server.key");
            var authority = Path.Combine(directory, "ca.crt");
            File.WriteAllText(certificate, _server.ExportCertificatePem());
            File.WriteAllText(key, _serverKey.ExportPkcs8PrivateKeyPem());
            File.WriteAllText(authority, Certificate.ExportCertificatePem());
            return ["--tls-cert-file", certificate, "--tls-key-file", key, "--tls-ca-cert-file", authority, "--tls-auth-clients", "no"];
        }

        public void Dispose()
        {
            _server.Dispose();
            _serverKey.Dispose();
            Certificate.Dispose();
        }
    }
}
