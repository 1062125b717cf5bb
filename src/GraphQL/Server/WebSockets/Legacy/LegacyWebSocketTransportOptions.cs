using Microsoft.AspNetCore.Http;

namespace Voting.GraphQL.Server.WebSockets.Legacy;

/// <summary>The legacy subscriptions-transport-ws transport's settings (<see cref="LegacyWebSocketServerBuilderExtensions.AddLegacyWebSocketTransport"/>).</summary>
public sealed class LegacyWebSocketTransportOptions
{
    /// <summary>
    /// How often the server sends <c>ka</c> after the first one, which follows <c>connection_ack</c>; the client
    /// treats a missing <c>ka</c> as a dead connection once it has seen one. Null sends none at all.
    /// </summary>
    public TimeSpan? KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Decides on <c>connection_init</c> with its payload whether the connection is accepted (e.g. checks a token
    /// in it); false sends <c>connection_error</c> and closes the socket. Null accepts every connection.
    /// </summary>
    /// <remarks>
    /// Set <c>context.User = principal</c> here after validating a token from the payload: each operation runs as
    /// <c>context.User</c> as it is when the operation starts, so the principal holds for the connection's later
    /// operations (a repeated <c>connection_init</c> may replace it; running subscriptions keep theirs).
    /// </remarks>
    public Func<HttpContext, IReadOnlyDictionary<string, object?>?, ValueTask<bool>>? OnConnect { get; set; }
}
