using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>Registers the in-memory topic event bus, as HotChocolate's <c>AddInMemorySubscriptions()</c>.</summary>
public static class TopicEventBusServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="InMemoryTopicEventBus"/> as <see cref="ITopicEventSender"/> and
    /// <see cref="ITopicEventReceiver"/>. <paramref name="configure"/> sets topic options by name or
    /// prefix; calling this again configures the same registry, so several modules can each add theirs.
    /// </summary>
    public static IServiceCollection AddInMemoryTopicEventBus(this IServiceCollection services, Action<TopicOptionsRegistry>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registry = services.FirstOrDefault(d => d.ServiceType == typeof(TopicOptionsRegistry))?.ImplementationInstance as TopicOptionsRegistry;
        if (registry is null)
        {
            registry = new TopicOptionsRegistry();
            services.AddSingleton(registry);
        }

        configure?.Invoke(registry);
        services.TryAddSingleton(sp => new InMemoryTopicEventBus(sp.GetRequiredService<TopicOptionsRegistry>(), sp.GetService<TimeProvider>()));
        services.TryAddSingleton<ITopicEventSender>(sp => sp.GetRequiredService<InMemoryTopicEventBus>());
        services.TryAddSingleton<ITopicEventReceiver>(sp => sp.GetRequiredService<InMemoryTopicEventBus>());
        return services;
    }
}
