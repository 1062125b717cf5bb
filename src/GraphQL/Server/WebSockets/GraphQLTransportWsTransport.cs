using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Voting.GraphQL.Server.WebSockets;

/// <summary>
/// Takes the WebSocket upgrades meant for graphql-transport-ws: those offering its subprotocol, and those offering
/// none at all, which the protocol answers with 4406. An upgrade offering only other subprotocols falls through, so
/// another transport (the legacy protocol) can take it.
/// </summary>
internal sealed class GraphQLTransportWsTransport(
    IOptions<WebSocketTransportOptions> options,
    IOptions<GraphQLServerOptions> serverOptions,
    ILogger<GraphQLTransportWsTransport> logger) : IGraphQLTransport
{
    public const string SubProtocol = "graphql-transport-ws";

    public bool Accepts(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return false;
        }

        var offered = context.WebSockets.WebSocketRequestedProtocols;
        return offered.Count == 0 || offered.Contains(SubProtocol, StringComparer.Ordinal);
    }

    // Not async: the connection's own frame is the only one this request keeps while the socket is open.
    public Task HandleAsync(HttpContext context, GraphQLRequestExecutor executor) =>
        context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol, StringComparer.Ordinal)
            ? new GraphQLTransportWsConnection(context, executor, options.Value, serverOptions.Value.MaxRequestBytes, logger).RunAsync(SubProtocol)
            : RefuseAsync(context);

    private static async Task RefuseAsync(HttpContext context)
    {
        using var refused = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        await refused.CloseOutputAsync((System.Net.WebSockets.WebSocketCloseStatus)CloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable", context.RequestAborted).ConfigureAwait(false);
    }
}
