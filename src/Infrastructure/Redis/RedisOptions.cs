using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Voting.Infrastructure.Redis;

/// <summary>
/// How to reach one Redis node. Usually parsed from <c>Redis:Configuration</c> in the StackExchange.Redis form
/// <c>host:port,password=…,user=…,ssl=true,defaultDatabase=2,connectTimeout=5000,syncTimeout=5000,name=…</c>
/// (see <see cref="Parse"/>).
/// </summary>
public sealed class RedisOptions
{
    public const string ConfigurationKey = "Redis:Configuration";

    public const int DefaultPort = 6379;

    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = DefaultPort;

    /// <summary>The ACL user; with only a password set, the client authenticates as <c>default</c>.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    public bool Ssl { get; set; }

    /// <summary>The name the server's certificate must carry; <see cref="Host"/> when unset.</summary>
    public string? SslHost { get; set; }

    /// <summary>Roots to trust instead of the machine's store (a private CA); the host name is still checked.</summary>
    public X509Certificate2Collection? TrustedCertificateAuthorities { get; set; }

    public int DefaultDatabase { get; set; }

    /// <summary>Sent as <c>CLIENT SETNAME</c> (or in HELLO) so the connection shows in <c>CLIENT LIST</c>.</summary>
    public string? ClientName { get; set; }

    public RedisProtocol Protocol { get; set; } = RedisProtocol.Resp3;

    /// <summary>Opening a connection, TLS and handshake included, gives up after this long.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A command without a reply after this long fails with <see cref="RedisTimeoutException"/>.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>When false, a client whose first connection fails keeps retrying in the background instead of throwing.</summary>
    public bool AbortOnConnectFail { get; set; } = true;

    /// <summary>The first delay before a reconnect attempt; it doubles per failed attempt up to <see cref="ReconnectMaxDelay"/>, with jitter.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often an idle-or-not connection is checked with PING; one that does not answer within
    /// <see cref="CommandTimeout"/> is closed and reconnected (a silent network loss sends no reset). Zero turns it off.
    /// </summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages buffered per subscription for a slow reader; past it the oldest are dropped and counted.</summary>
    public int SubscriptionBufferCapacity { get; set; } = 1024;

    private static readonly string[] Keys =
    [
        "user", "password", "ssl", "sslHost", "defaultDatabase", "name", "protocol", "connectTimeout", "syncTimeout",
        "asyncTimeout", "abortConnect", "reconnectMinDelay", "reconnectMaxDelay", "keepAlive", "subscriptionBuffer",
    ];

    /// <summary>
    /// Parses <c>host[:port]</c> followed by comma-separated <c>key=value</c> options (keys are case-insensitive):
    /// <c>user</c>, <c>password</c>, <c>ssl</c>, <c>sslHost</c>, <c>defaultDatabase</c>, <c>name</c>,
    /// <c>protocol</c> (<c>resp2</c>/<c>resp3</c>), <c>connectTimeout</c>, <c>syncTimeout</c>/<c>asyncTimeout</c>
    /// (the command timeout), <c>reconnectMinDelay</c>, <c>reconnectMaxDelay</c> (all in milliseconds),
    /// <c>keepAlive</c> (seconds, 0 for none), <c>abortConnect</c> and <c>subscriptionBuffer</c>. Throws <see cref="FormatException"/> naming the bad part.
    /// </summary>
    public static RedisOptions Parse(string configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new RedisOptions();
        var endpoints = 0;
        foreach (var raw in configuration.Split(','))
        {
            var part = raw.Trim();
            if (part.Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                if (++endpoints > 1)
                {
                    throw new FormatException($"Redis configuration: '{part}' is a second endpoint; this client connects to a single node (no cluster or sentinel).");
                }

                (options.Host, options.Port) = ParseEndpoint(part);
                continue;
            }

            options.Apply(part[..equals].Trim(), part[(equals + 1)..].Trim());
        }

        if (endpoints == 0)
        {
            throw new FormatException("Redis configuration: no host:port given.");
        }

        if (options.ReconnectMinDelay > options.ReconnectMaxDelay)
        {
            throw new FormatException("Redis configuration: reconnectMinDelay is longer than reconnectMaxDelay.");
        }

        return options;
    }

    /// <summary>The configuration string for these options, with the password masked.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host)
            .Append(CultureInfo.InvariantCulture, $":{Port}");
        if (User is not null)
        {
            text.Append(",user=").Append(User);
        }

        if (Password is not null)
        {
            text.Append(",password=*****");
        }

        if (Ssl)
        {
            text.Append(",ssl=true");
        }

        if (SslHost is not null)
        {
            text.Append(",sslHost=").Append(SslHost);
        }

        text.Append(CultureInfo.InvariantCulture, $",defaultDatabase={DefaultDatabase}");
        if (ClientName is not null)
        {
            text.Append(",name=").Append(ClientName);
        }

        return text.Append(CultureInfo.InvariantCulture, $",connectTimeout={ConnectTimeout.TotalMilliseconds},syncTimeout={CommandTimeout.TotalMilliseconds}").ToString();
    }

    private static (string Host, int Port) ParseEndpoint(string endpoint)
    {
        string host;
        string? port = null;
        if (endpoint.StartsWith('['))
        {
            var close = endpoint.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException($"Redis configuration: endpoint '{endpoint}' opens an IPv6 bracket and never closes it.");
            }

            host = endpoint[1..close];
            var rest = endpoint[(close + 1)..];
            if (rest.Length > 0)
            {
                port = rest.StartsWith(':') ? rest[1..] : throw new FormatException($"Redis configuration: endpoint '{endpoint}' has text after ']' that is not ':port'.");
            }
        }
        else
        {
            var colon = endpoint.LastIndexOf(':');
            if (colon >= 0 && endpoint.IndexOf(':', StringComparison.Ordinal) != colon)
            {
                throw new FormatException($"Redis configuration: write the IPv6 endpoint '{endpoint}' as [address]:port.");
            }

            host = colon < 0 ? endpoint : endpoint[..colon];
            port = colon < 0 ? null : endpoint[(colon + 1)..];
        }

        if (host.Length == 0)
        {
            throw new FormatException($"Redis configuration: endpoint '{endpoint}' has no host.");
        }

        if (port is null)
        {
            return (host, DefaultPort);
        }

        return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 65535
            ? (host, number)
            : throw new FormatException($"Redis configuration: '{port}' in '{endpoint}' is not a port (1-65535).");
    }

    private void Apply(string key, string value)
    {
        switch (key.ToUpperInvariant())
        {
            case "USER":
                User = NonEmpty(key, value);
                break;
            case "PASSWORD":
                Password = value;
                break;
            case "SSL":
                Ssl = ParseBool(key, value);
                break;
            case "SSLHOST":
                SslHost = NonEmpty(key, value);
                break;
            case "DEFAULTDATABASE":
                DefaultDatabase = ParseInt(key, value, 0, int.MaxValue);
                break;
            case "NAME":
                ClientName = value.Contains(' ', StringComparison.Ordinal)
                    ? throw new FormatException($"Redis configuration: name '{value}' has a space, which CLIENT SETNAME refuses.")
                    : NonEmpty(key, value);
                break;
            case "PROTOCOL":
                Protocol = value.ToUpperInvariant() switch
                {
                    "RESP2" or "2" => RedisProtocol.Resp2,
                    "RESP3" or "3" => RedisProtocol.Resp3,
                    _ => throw new FormatException($"Redis configuration: protocol '{value}' is not resp2 or resp3."),
                };
                break;
            case "CONNECTTIMEOUT":
                ConnectTimeout = Milliseconds(key, value);
                break;
            case "SYNCTIMEOUT" or "ASYNCTIMEOUT":
                CommandTimeout = Milliseconds(key, value);
                break;
            case "ABORTCONNECT":
                AbortOnConnectFail = ParseBool(key, value);
                break;
            case "RECONNECTMINDELAY":
                ReconnectMinDelay = Milliseconds(key, value);
                break;
            case "RECONNECTMAXDELAY":
                ReconnectMaxDelay = Milliseconds(key, value);
                break;
            case "KEEPALIVE":
                KeepAlive = TimeSpan.FromSeconds(ParseInt(key, value, 0, 86_400));
                break;
            case "SUBSCRIPTIONBUFFER":
                SubscriptionBufferCapacity = ParseInt(key, value, 1, 10_000_000);
                break;
            default:
                throw new FormatException($"Redis configuration: unknown option '{key}'. Known options: {string.Join(", ", Keys)}.");
        }
    }

    private static string NonEmpty(string key, string value) =>
        value.Length > 0 ? value : throw new FormatException($"Redis configuration: {key} is empty.");

    private static bool ParseBool(string key, string value) =>
        bool.TryParse(value, out var result) ? result : throw new FormatException($"Redis configuration: {key}='{value}' is not true or false.");

    private static int ParseInt(string key, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var result) && result >= min && result <= max
            ? result
            : throw new FormatException($"Redis configuration: {key}='{value}' is not a whole number from {min} to {max}.");

    private static TimeSpan Milliseconds(string key, string value) =>
        TimeSpan.FromMilliseconds(ParseInt(key, value, 1, int.MaxValue));
}
