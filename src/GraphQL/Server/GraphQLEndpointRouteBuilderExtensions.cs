using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Voting.GraphQL.Server;

/// <summary>Maps the GraphQL endpoint, as HotChocolate's <c>app.MapGraphQL()</c>.</summary>
public static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves GraphQL over HTTP at <paramref name="path"/>: POST and GET requests, the schema's SDL at
    /// <c>GET {path}?sdl</c>, and the IDE for a browser. The schema is built here, so a schema that breaks
    /// a rule stops the host at start-up instead of failing its first request.
    /// </summary>
    /// <returns>The endpoint's convention builder, for authorization, CORS or rate limiting.</returns>
    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string path = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var services = endpoints.ServiceProvider;
        var executor = services.GetService<GraphQLRequestExecutor>()
            ?? throw new InvalidOperationException("MapGraphQL needs the GraphQL server: call services.AddGraphQLServer() first.");
        var options = services.GetRequiredService<IOptions<GraphQLServerOptions>>().Value;
        var ide = services.GetService<IGraphQLIde>();
        var endpointPath = "/" + path.Trim('/');
        var handler = new GraphQLHttpHandler(executor, options.MaxRequestBytes, ide, endpointPath, [.. services.GetServices<IGraphQLTransport>()]);

        // One group, so that conventions added to the result (authorization, CORS) cover the IDE's files too.
        var group = endpoints.MapGroup(endpointPath);
        group.Map(string.Empty, handler.HandleAsync).WithDisplayName("GraphQL " + endpointPath);
        if (ide is not null)
        {
            // The IDE's page and files live below the endpoint (<path>/, <path>/<file>).
            group.MapMethods("/{**file}", [HttpMethods.Get, HttpMethods.Head], async context =>
            {
                if (!await ide.TryServeAsync(context, endpointPath).ConfigureAwait(false))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                }
            }).WithDisplayName("GraphQL IDE " + endpointPath);
        }

        return group;
    }
}
