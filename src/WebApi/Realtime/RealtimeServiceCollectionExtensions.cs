using Voting.GraphQL.Subscriptions.Topics;
using Voting.Infrastructure.Realtime;

namespace Voting.WebApi.Realtime;

/// <summary>Chooses the topic bus: Redis across instances when Infrastructure registered a topic log (<c>Redis:Configuration</c>), else in memory.</summary>
internal static class RealtimeServiceCollectionExtensions
{
    public static IServiceCollection AddRealtime(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(RedisTopicLog)))
        {
            services.AddSingleton<ITopicBackplane, RedisTopicBackplane>();
            services.AddDistributedTopicEventBus();
        }

        return services;
    }
}
