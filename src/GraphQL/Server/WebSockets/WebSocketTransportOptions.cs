using Microsoft.AspNetCore.Http;

namespace Voting.GraphQL.Server.WebSockets;

/// <summary>The graphql-transport-ws transport's settings (<see cref="WebSocketServerBuilderExtensions.AddWebSocketTransport"/>).</summary>
public sealed class WebSocketTransportOptions
{
    /// <summary>How long a client has, after the upgrade, to send <c>connection_init</c> before the socket is closed with 4408.</summary>
    public TimeSpan ConnectionInitWaitTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>When set, the server sends a <c>ping</c> this often, so proxies keep the idle connection open; null sends none.</summary>
    public TimeSpan? KeepAliveInterval { get; set; }

    /// <summary>
    /// Decides on <c>connection_init</c> with its payload whether the connection is accepted (e.g. checks a token
    /// in it); false closes the socket with 4403 Forbidden. Null accepts every connection.
    /// </summary>
    public Func<HttpContext, IReadOnlyDictionary<string, object?>?, ValueTask<bool>>? OnConnect { get; set; }
}
