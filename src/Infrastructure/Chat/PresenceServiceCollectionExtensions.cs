using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Voting.Application.Chat.Presence;

namespace Voting.Infrastructure.Chat;

/// <summary>Chooses where presence lives: in this process, or in Redis when the instances share one.</summary>
public static class PresenceServiceCollectionExtensions
{
    /// <summary>The in-memory store, unless one is registered already.</summary>
    public static IServiceCollection AddInMemoryPresenceStore(this IServiceCollection services)
    {
        services.TryAddSingleton<IPresenceStore, InMemoryPresenceStore>();
        return services;
    }

    /// <summary>The Redis store, in place of any other (needs the Redis client and the topic log's options).</summary>
    public static IServiceCollection AddRedisPresenceStore(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<IPresenceStore, RedisPresenceStore>());
        return services;
    }
}
