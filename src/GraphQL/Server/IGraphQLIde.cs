using Microsoft.AspNetCore.Http;

namespace Voting.GraphQL.Server;

/// <summary>
/// Serves the GraphQL IDE to a browser that navigates to the endpoint (a GET accepting <c>text/html</c>
/// without a query). Optional: without a registration such a request is answered as any other GET.
/// </summary>
internal interface IGraphQLIde
{
    /// <summary>Writes the IDE's response and returns true, or returns false to let the endpoint answer.</summary>
    Task<bool> TryServeAsync(HttpContext context, string graphqlPath);
}
