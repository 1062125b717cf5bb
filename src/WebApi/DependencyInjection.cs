using Voting.Application.Abstractions;
using Voting.GraphQL.Server;
using Voting.GraphQL.Subscriptions.Topics;
using Voting.GraphQL.Server.BananaCakePop;
using Voting.GraphQL.Server.ServerSentEvents;
using Voting.GraphQL.Server.WebSockets;
using Voting.GraphQL.Server.WebSockets.Legacy;
using Voting.GraphQL.Validation.Limits;
using Voting.Infrastructure.Persistence;
using Voting.WebApi.GraphQL.Chat;
using Voting.WebApi.GraphQL.EntityFramework;
using Voting.WebApi.GraphQL.Live;
using Voting.WebApi.Health;
using Voting.WebApi.Hosting;
using Voting.WebApi.Identity;
using Voting.WebApi.Realtime;
using Voting.WebApi.Seeding;

namespace Voting.WebApi;

internal static class DependencyInjection
{
    public static IServiceCollection AddWebApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReverseProxySupport(configuration);
        services.AddVotingIdentity(configuration);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddOptions<Hosting.IdleMemoryTrimmerOptions>().Bind(configuration.GetSection(Hosting.IdleMemoryTrimmerOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.QuietFor > TimeSpan.Zero && o.MinInterval >= TimeSpan.Zero, "Memory:IdleTrim:QuietFor must be positive and MinInterval not negative.")
            .ValidateOnStart();
        services.AddHostedService<Hosting.IdleMemoryTrimmer>();
        services.AddOptions<SeedOptions>().Bind(configuration.GetSection(SeedOptions.SectionName))
            .Validate(o => !o.Enabled || (Domain.Users.CitizenId.IsValid(o.Admin.CitizenId) && Domain.Users.PhoneNumber.IsValid(o.Admin.Phone)
                && o.Admin.Password.Length >= 8 && o.VoterPassword.Length >= 8),
                "Seed:Admin needs a valid CitizenId, an E.164 Phone and a Password of at least 8 characters, and Seed:VoterPassword at least 8 characters.")
            .ValidateOnStart();
        services.AddGraphQLServer()
            .AddQueryType<GraphQL.Query>()
            .AddMutationType<GraphQL.Mutation>()
            .AddSubscriptionType<GraphQL.Subscription>()
            .TranslateExceptions(GraphQL.DomainErrors.Translate)
            .AddQueryLimits(configuration.GetSection("GraphQL:Limits").Get<LimitOptions>())
            .AddBananaCakePop()
            .AddWebSocketTransport()
            .AddLegacyWebSocketTransport()
            .AddServerSentEvents();
        if (services.Any(d => d.ServiceType == typeof(Infrastructure.Redis.RedisClient)))
        {
            // A query one instance learned by its hash is then known to all (ADR 0030).
            services.AddOptions<GraphQL.RedisPersistedQueryOptions>().Bind(configuration.GetSection(GraphQL.RedisPersistedQueryOptions.SectionName))
                .Validate(o => o.TimeToLive >= TimeSpan.Zero, "Redis:PersistedQueries:TimeToLive must not be negative.")
                .ValidateOnStart();
            services.AddGraphQLServer().AddPersistedQueryStore<GraphQL.RedisPersistedQueryStore>();
        }

        // Filtering, sorting and paging run on EF Core with the configured provider's case-insensitive matching.
        services.AddGraphQLEntityFramework(configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite);
        services.AddInMemoryTopicEventBus(topics => topics.AddTopic(GraphQL.AnnouncementTopic.Name, GraphQL.AnnouncementTopic.Options));
        services.AddLiveUpdates(configuration);
        services.AddChat(configuration);
        services.AddRealtime();
        services.Configure<GraphQLServerOptions>(configuration.GetSection("GraphQL"));
        // The init timeout and keep-alive of graphql-transport-ws, e.g. GraphQL__WebSockets__KeepAliveInterval behind a proxy.
        services.Configure<WebSocketTransportOptions>(configuration.GetSection("GraphQL:WebSockets"));

        // A token in the connection_init payload authenticates the connection (close 4403 when invalid).
        services.AddOptions<WebSocketTransportOptions>().Configure<ConnectionAuthenticator>((o, authenticator) => o.OnConnect = authenticator.OnConnectAsync);
        services.AddOptions<LegacyWebSocketTransportOptions>().Configure<ConnectionAuthenticator>((o, authenticator) => o.OnConnect = authenticator.OnConnectAsync);
        var health = services.AddHealthChecks().AddDbContextCheck<VotingDbContext>("database", tags: [HealthEndpoints.ReadyTag]);
        if (services.Any(d => d.ServiceType == typeof(Infrastructure.Redis.RedisClient)))
        {
            health.AddCheck<RedisHealthCheck>("redis", tags: [HealthEndpoints.ReadyTag]);
        }
        return services;
    }

    public static WebApplication UseWebApi(this WebApplication app)
    {
        // First, so that everything after it (rate limits, sessions, logs) sees the client's real address.
        app.UseForwardedHeaders();
        app.MapHealthEndpoints();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseWebSockets();
        app.MapGraphQL("/graphql");
        return app;
    }
}
