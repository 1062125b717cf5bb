using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Voting.GraphQL.Server.ServerSentEvents;

/// <summary>Adds the GraphQL over Server-Sent Events transport to the GraphQL server.</summary>
public static class ServerSentEventsServerBuilderExtensions
{
    /// <summary>
    /// Serves subscriptions, queries and mutations as Server-Sent Events in the "distinct connections mode" of
    /// <see href="https://github.com/enisdenjo/graphql-sse/blob/master/PROTOCOL.md"/>: a GET or POST to the endpoint
    /// that <c>MapGraphQL</c> maps whose <c>Accept</c> header includes <c>text/event-stream</c>.
    /// </summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">At start-up: the keep-alive interval is not positive.</exception>
    public static GraphQLServerBuilder AddServerSentEvents(this GraphQLServerBuilder builder, Action<ServerSentEventsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<ServerSentEventsOptions>()
            .Validate(o => o.KeepAliveInterval is null || o.KeepAliveInterval > TimeSpan.Zero, "KeepAliveInterval must be positive or null.")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IGraphQLTransport, ServerSentEventsTransport>());
        return builder;
    }
}
