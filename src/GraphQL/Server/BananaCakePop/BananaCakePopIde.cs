using Microsoft.AspNetCore.Http;

namespace Voting.GraphQL.Server.BananaCakePop;

/// <summary>Banana Cake Pop as the IDE of the endpoint that MapGraphQL maps (see <see cref="IGraphQLIde"/>).</summary>
internal sealed class BananaCakePopIde : IGraphQLIde
{
    public Task<bool> TryServeAsync(HttpContext context, string graphqlPath) =>
        BananaCakePopEndpoint.TryServeAsync(context, graphqlPath);
}
