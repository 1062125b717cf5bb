using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Voting.GraphQL.Server;

/// <summary>Registers the GraphQL server, as HotChocolate's <c>services.AddGraphQLServer()</c>.</summary>
public static class GraphQLServiceCollectionExtensions
{
    /// <summary>
    /// Registers the request executor (schema, document cache, persisted queries) and its options, and
    /// returns the builder that adds the schema's types. Calling it again returns a builder over the same
    /// schema, so several modules can each add their types.
    /// </summary>
    public static GraphQLServerBuilder AddGraphQLServer(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var schema = services.FirstOrDefault(d => d.ServiceType == typeof(GraphQLSchemaSetup))?.ImplementationInstance as GraphQLSchemaSetup;
        if (schema is null)
        {
            schema = new GraphQLSchemaSetup();
            services.AddSingleton(schema);
            services.AddOptions<GraphQLServerOptions>().ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphQLServerOptions>, GraphQLServerOptionsValidator>());
            services.TryAddSingleton<IPersistedQueryStore>(sp =>
                new InMemoryPersistedQueryStore(sp.GetRequiredService<IOptions<GraphQLServerOptions>>().Value.PersistedQueryCacheSize));
            services.TryAddSingleton<GraphQLRequestExecutor>();
        }

        return new GraphQLServerBuilder(services, schema);
    }
}
