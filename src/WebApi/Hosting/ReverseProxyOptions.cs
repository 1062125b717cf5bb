namespace Voting.WebApi.Hosting;

/// <summary>
/// The reverse proxies (nginx in front of several instances) whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> the API believes. Only these may name the client's address: the login
/// rate limit per address and the sessions' recorded address depend on it, and a header from anyone
/// else would let a client pick its own address. Loopback is always trusted (a proxy on the same host).
/// </summary>
internal sealed class ReverseProxyOptions
{
    public const string SectionName = "ReverseProxy";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c> or <c>fd00::5</c>.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>How many proxies deep to read <c>X-Forwarded-For</c> from the right; 1 for a single nginx tier.</summary>
    public int ForwardLimit { get; set; } = 1;
}
