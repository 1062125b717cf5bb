using Microsoft.AspNetCore.Http;

namespace Voting.GraphQL.Server;

/// <summary>
/// Serves the GraphQL IDE to a browser that navigates to the endpoint (a GET accepting <c>text/html</c>
/// without a query). Optional: without a registration such a request is answered as any other GET.
/// </summary>
internal interface IGraphQLIde
{
    /// <summary>Writes the IDE's response and returns true, or returns false, having written nothing, to let the endpoint answer.</summary>
    /// <param name="context">A GET or HEAD on the endpoint or below it.</param>
    /// <param name="graphqlPath">The endpoint's path below the request's path base, such as <c>/graphql</c>.</param>
    Task<bool> TryServeAsync(HttpContext context, string graphqlPath);
}
