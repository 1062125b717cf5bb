using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Voting.GraphQL.Server.WebSockets;

/// <summary>Adds the graphql-transport-ws WebSocket transport to the GraphQL server.</summary>
public static class WebSocketServerBuilderExtensions
{
    /// <summary>
    /// Serves subscriptions, queries and mutations over WebSockets with the <c>graphql-transport-ws</c> subprotocol
    /// (<see href="https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md"/>) on the endpoint that
    /// <c>MapGraphQL</c> maps. The host must call <c>app.UseWebSockets()</c> before <c>MapGraphQL</c>.
    /// </summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">At start-up: a timeout or interval is not positive.</exception>
    public static GraphQLServerBuilder AddWebSocketTransport(this GraphQLServerBuilder builder, Action<WebSocketTransportOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<WebSocketTransportOptions>()
            .Validate(o => o.ConnectionInitWaitTimeout > TimeSpan.Zero, "ConnectionInitWaitTimeout must be positive.")
            .Validate(o => o.KeepAliveInterval is null || o.KeepAliveInterval > TimeSpan.Zero, "KeepAliveInterval must be positive or null.")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IGraphQLTransport, GraphQLTransportWsTransport>());
        return builder;
    }
}
