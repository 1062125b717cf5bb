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
    /// <remarks>
    /// This is where a connection authenticates when a browser cannot send an <c>Authorization</c> header with the
    /// upgrade: validate the token in the payload and set <c>context.User = principal</c>. Each operation runs as
    /// <c>context.User</c> as it is when the operation starts (a subscription keeps that user for its whole
    /// life), so the principal set here holds for every later operation of the connection; without this hook,
    /// operations run as the upgrade request's user, which the authentication middleware set.
    /// </remarks>
    public Func<HttpContext, IReadOnlyDictionary<string, object?>?, ValueTask<bool>>? OnConnect { get; set; }
}
