using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Voting.GraphQL.Server.BananaCakePop;

/// <summary>Adds Banana Cake Pop to the GraphQL server, as HotChocolate serves it on <c>MapGraphQL()</c>.</summary>
public static class BananaCakePopServerBuilderExtensions
{
    /// <summary>
    /// Serves the Banana Cake Pop IDE on the endpoint that <c>MapGraphQL</c> maps: a browser that opens it
    /// gets the IDE, connected to it; GraphQL clients are not affected.
    /// </summary>
    public static GraphQLServerBuilder AddBananaCakePop(this GraphQLServerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<IGraphQLIde, BananaCakePopIde>();
        return builder;
    }
}
