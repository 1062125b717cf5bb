using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Voting.GraphQL.Server.WebSockets.Legacy;

/// <summary>
/// Takes the WebSocket upgrades offering the legacy <c>graphql-ws</c> subprotocol. The graphql-transport-ws
/// transport, when registered, is asked first and leaves these to this one.
/// </summary>
internal sealed class SubscriptionsTransportWsTransport(
    IOptions<LegacyWebSocketTransportOptions> options,
    IOptions<GraphQLServerOptions> serverOptions,
    ILogger<SubscriptionsTransportWsTransport> logger) : IGraphQLTransport
{
    public const string SubProtocol = "graphql-ws";

    public bool Accepts(HttpContext context) =>
        context.WebSockets.IsWebSocketRequest && context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol, StringComparer.Ordinal);

    // Not async: the connection's own frame is the only one this request keeps while the socket is open.
    public Task HandleAsync(HttpContext context, GraphQLRequestExecutor executor) =>
        new SubscriptionsTransportWsConnection(context, executor, options.Value, serverOptions.Value.MaxRequestBytes, logger).RunAsync(SubProtocol);
}
