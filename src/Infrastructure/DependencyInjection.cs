using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Voting.Application.Abstractions;
using Voting.Application.Chat;
using Voting.Application.Elections.LiveTally;
using Voting.Domain.Common;
using Voting.Domain.Elections.Events;
using Voting.Infrastructure.Caching;
using Voting.Infrastructure.Chat;
using Voting.Infrastructure.Outbox;
using Voting.Infrastructure.Persistence;
using Voting.Infrastructure.Persistence.Chat;
using Voting.Infrastructure.Persistence.Repositories;
using Voting.Infrastructure.Persistence.Voting;
using Voting.Infrastructure.RateLimiting;
using Voting.Infrastructure.Realtime;
using Voting.Infrastructure.Redis;
using Voting.Infrastructure.Scheduling;
using Voting.Infrastructure.Security;
using Voting.Infrastructure.Time;

namespace Voting.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Registers persistence (SQLite or PostgreSQL by <c>Database:Provider</c>), the outbox, the election scheduler, chat (with the in-memory send limit and the retention of rooms' logs), hashing, the clock, and Redis when configured (the topic log, the election cache, shared rate limits).</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => Enum.IsDefined(o.Provider), "Database:Provider must be Sqlite or Postgres.")
            .ValidateOnStart();
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<SchedulingOptions>().Bind(configuration.GetSection(SchedulingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddOptions<ChatRateLimitOptions>().Bind(configuration.GetSection(ChatRateLimitOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<RoomLogRetentionOptions>().Bind(configuration.GetSection(RoomLogRetentionOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddDbContext<VotingDbContext>((provider, options) => Configure(options, DatabaseInitializer.Current(provider)));

        services.AddScoped<IUserRepository, UserRepository>();
        services.AddScoped<ISessionRepository, SessionRepository>();
        services.AddScoped<IElectionRepository, ElectionRepository>();
        services.AddSingleton<IBallotBox, GroupCommitBallotBox>();
        services.AddScoped<VoteBatchWriter>();
        services.AddSingleton<IOpenElections, OpenElectionCache>();
        services.AddScoped<IElectionQueries, ElectionQueries>();
        services.AddScoped<IChatRepository, ChatRepository>();
        services.AddScoped<IChatQueries, ChatQueries>();
        services.AddScoped<IRoomLogRetention, RoomLogRetention>();
        services.TryAddSingleton<IChatRateLimiter, InMemoryChatRateLimiter>();
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<IEventPublisher, InProcessEventPublisher>();
        services.AddScoped<IElectionSchedule, ElectionSchedule>();
        services.AddSingleton<IPasswordHasher, PasswordHasher>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IClock, SystemClock>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<SchedulerSignal>();
        services.AddSingleton<WakeSchedulerOnStatusChange>();
        services.AddSingleton<IDomainEventHandler<ElectionScheduled>>(sp => sp.GetRequiredService<WakeSchedulerOnStatusChange>());
        services.AddSingleton<IDomainEventHandler<ElectionOpened>>(sp => sp.GetRequiredService<WakeSchedulerOnStatusChange>());
        if (configuration.GetValue($"{OutboxOptions.SectionName}:{nameof(OutboxOptions.Enabled)}", true))
        {
            services.AddHostedService<OutboxDispatcher>();
        }

        services.AddHostedService<ElectionScheduler>();
        services.AddHostedService<RoomLogRetentionService>();

        // Who is online in a room: in this process, unless Redis (below) shares it between instances.
        services.AddInMemoryPresenceStore();

        // Redis only when Redis:Configuration is set; without it everything runs in this process.
        if (services.AddRedis(configuration))
        {
            // Topics share the one key prefix of everything this application writes to Redis (Redis:KeyPrefix).
            services.AddOptions<RedisTopicLogOptions>().Bind(configuration.GetSection(RedisTopicLogOptions.SectionName))
                .Configure(o => o.KeyPrefix = configuration[$"{RedisKeyOptions.SectionName}:{nameof(RedisKeyOptions.KeyPrefix)}"] is { Length: > 0 } prefix ? prefix : RedisKeyOptions.DefaultKeyPrefix)
                .Validate(o => !string.IsNullOrEmpty(o.KeyPrefix), "Redis:KeyPrefix must not be empty.")
                .Validate(o => o.IdleExpiry >= TimeSpan.FromMinutes(1), "Redis:Topics:IdleExpiry must be at least a minute.")
                .ValidateOnStart();
            services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RedisTopicLogOptions>>().Value);
            services.AddSingleton<RedisTopicLog>();
            services.AddRedisPresenceStore();
            AddRedisReadCacheAndRateLimits(services, configuration);

            // Live tallies in Redis (ADR 0032): replaces the Application's count of the ballots.
            services.AddSingleton<ILiveTallyStore, RedisLiveTallyStore>();
            services.AddScoped<StoredTallyCounts>();
            services.AddScoped<ILiveTallyCounts>(sp => sp.GetRequiredService<StoredTallyCounts>());
            services.AddHostedService<LiveTallyRebuilder>();
        }

        return services;
    }

    /// <summary>
    /// The shared key prefix, the election cache (reads through it, invalidation after every commit that changed an
    /// election) and the shared rate limits (ADR 0030). Without Redis, elections are read from the database every time
    /// and the limits are this instance's own.
    /// </summary>
    private static void AddRedisReadCacheAndRateLimits(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RedisKeyOptions>().Bind(configuration.GetSection(RedisKeyOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ElectionCacheOptions>().Bind(configuration.GetSection(ElectionCacheOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<RedisElectionCache>();
        services.AddScoped<ElectionQueries>();
        services.Replace(ServiceDescriptor.Scoped<IElectionQueries, CachedElectionQueries>());
        services.AddScoped<UnitOfWork>();
        services.Replace(ServiceDescriptor.Scoped<IUnitOfWork, ElectionCacheInvalidatingUnitOfWork>());

        services.AddSingleton<RedisRateLimiter>();
        services.AddSingleton<InMemoryChatRateLimiter>();
        services.Replace(ServiceDescriptor.Singleton<IChatRateLimiter, RedisChatRateLimiter>());
    }

    internal static void Configure(DbContextOptionsBuilder options, DatabaseOptions database)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.Postgres:
                options.UseNpgsql(database.ConnectionString);
                break;
            default:
                options.UseSqlite(database.ConnectionString);
                break;
        }

        // Migrations are hand-written without a model snapshot (ADR 0004); the schema-drift test
        // compares the migrated schema with the model instead of this warning.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }
}
