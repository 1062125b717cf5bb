using Microsoft.AspNetCore.Http;

namespace Voting.GraphQL.Server;

/// <summary>
/// A streaming transport served at the GraphQL endpoint beside GraphQL over HTTP (graphql-transport-ws,
/// the legacy WebSocket protocol, GraphQL over SSE). <c>MapGraphQL</c> offers every request to the
/// registered transports first; the first that accepts it handles it.
/// </summary>
internal interface IGraphQLTransport
{
    /// <summary>Whether this transport takes the request (a WebSocket upgrade, an event-stream Accept header).</summary>
    bool Accepts(HttpContext context);

    Task HandleAsync(HttpContext context, GraphQLRequestExecutor executor);
}
