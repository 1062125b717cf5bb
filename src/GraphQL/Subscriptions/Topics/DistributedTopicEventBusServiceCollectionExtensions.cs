using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>Registers the <see cref="DistributedTopicEventBus"/>, as HotChocolate's <c>AddRedisSubscriptions()</c>.</summary>
public static class DistributedTopicEventBusServiceCollectionExtensions
{
    /// <summary>
    /// Makes <see cref="DistributedTopicEventBus"/> the <see cref="ITopicEventSender"/> and
    /// <see cref="ITopicEventReceiver"/>, over the <see cref="ITopicBackplane"/> registered by the caller, with
    /// topic options from the same <see cref="TopicOptionsRegistry"/> that <c>AddInMemoryTopicEventBus</c>
    /// configures (call either in any order). Messages cross as JSON unless an
    /// <see cref="ITopicMessageSerializer"/> is registered.
    /// </summary>
    public static IServiceCollection AddDistributedTopicEventBus(this IServiceCollection services, Action<TopicOptionsRegistry>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddInMemoryTopicEventBus(configure);
        services.TryAddSingleton<ITopicMessageSerializer>(_ => new JsonTopicMessageSerializer());
        services.TryAddSingleton(sp => new DistributedTopicEventBus(
            sp.GetRequiredService<ITopicBackplane>(),
            sp.GetRequiredService<ITopicMessageSerializer>(),
            sp.GetRequiredService<TopicOptionsRegistry>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<DistributedTopicEventBus>>()));
        services.Replace(ServiceDescriptor.Singleton<ITopicEventSender>(sp => sp.GetRequiredService<DistributedTopicEventBus>()));
        services.Replace(ServiceDescriptor.Singleton<ITopicEventReceiver>(sp => sp.GetRequiredService<DistributedTopicEventBus>()));
        return services;
    }
}
