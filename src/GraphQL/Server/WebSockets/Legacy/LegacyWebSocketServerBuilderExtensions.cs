using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Voting.GraphQL.Server.WebSockets.Legacy;

/// <summary>Adds the legacy subscriptions-transport-ws WebSocket transport to the GraphQL server.</summary>
public static class LegacyWebSocketServerBuilderExtensions
{
    /// <summary>
    /// Serves subscriptions, queries and mutations over WebSockets with the legacy <c>graphql-ws</c> subprotocol
    /// of subscriptions-transport-ws (<see href="https://github.com/apollographql/subscriptions-transport-ws/blob/master/PROTOCOL.md"/>),
    /// for older Apollo clients, on the endpoint that <c>MapGraphQL</c> maps. The host must call
    /// <c>app.UseWebSockets()</c> before <c>MapGraphQL</c>.
    /// </summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">At start-up: the keep-alive interval is not positive.</exception>
    public static GraphQLServerBuilder AddLegacyWebSocketTransport(this GraphQLServerBuilder builder, Action<LegacyWebSocketTransportOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<LegacyWebSocketTransportOptions>()
            .Validate(o => o.KeepAliveInterval is null || o.KeepAliveInterval > TimeSpan.Zero, "KeepAliveInterval must be positive or null.")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IGraphQLTransport, SubscriptionsTransportWsTransport>());
        return builder;
    }
}
