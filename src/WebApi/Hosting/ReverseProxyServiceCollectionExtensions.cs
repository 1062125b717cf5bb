using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Voting.WebApi.Hosting;

/// <summary>Turns <see cref="ReverseProxyOptions"/> into ASP.NET Core's forwarded-headers settings, refusing to start on a malformed entry.</summary>
internal static class ReverseProxyServiceCollectionExtensions
{
    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReverseProxyOptions>()
            .Bind(configuration.GetSection(ReverseProxyOptions.SectionName))
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "ReverseProxy:KnownProxies holds an entry that is not an IP address.")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "ReverseProxy:KnownNetworks holds an entry that is not a CIDR network such as 10.0.0.0/24.")
            .Validate(o => o.ForwardLimit is >= 1 and <= 10, "ReverseProxy:ForwardLimit must be between 1 and 10.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = proxy.Value.ForwardLimit;

            // The defaults (loopback) stay; configured proxies are added to them.
            foreach (var address in proxy.Value.KnownProxies)
            {
                if (IPAddress.TryParse(address, out var parsed))
                {
                    forwarded.KnownProxies.Add(parsed);
                }
            }

            foreach (var network in proxy.Value.KnownNetworks)
            {
                if (System.Net.IPNetwork.TryParse(network, out var parsed))
                {
                    forwarded.KnownIPNetworks.Add(parsed);
                }
            }
        });
        return services;
    }
}
