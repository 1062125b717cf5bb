using Voting.GraphQL.Data;
using Voting.Infrastructure.Persistence;

namespace Voting.WebApi.GraphQL.EntityFramework;

/// <summary>Registers what the engine's data attributes need to run their queries on EF Core.</summary>
public static class EntityFrameworkDataServiceCollectionExtensions
{
    /// <summary>
    /// EF Core's asynchronous executor and the case-insensitive string translator of
    /// <paramref name="provider"/> (PostgreSQL ILIKE, SQLite lower() LIKE), both as singletons (they
    /// hold no state); optionally the page sizes of every <c>[UsePaging]</c> field that sets none.
    /// </summary>
    public static IServiceCollection AddGraphQLEntityFramework(this IServiceCollection services, DatabaseProvider provider, PagingOptions? paging = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IQueryableExecutor, EntityFrameworkQueryableExecutor>();
        services.AddSingleton<ICaseInsensitiveStringTranslator>(provider switch
        {
            DatabaseProvider.Postgres => new PostgresCaseInsensitiveStringTranslator(),
            DatabaseProvider.Sqlite => new SqliteCaseInsensitiveStringTranslator(),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "No case-insensitive string translator for this database."),
        });
        if (paging is not null)
        {
            services.AddSingleton(paging);
        }

        return services;
    }
}
