using Microsoft.Extensions.DependencyInjection;
using Voting.GraphQL.Subscriptions.Topics;

namespace Voting.GraphQL.Tests.Subscriptions.Topics;

public sealed class DistributedTopicEventBusServiceCollectionExtensionsTests
{
    [Fact]
    public async Task The_distributed_bus_replaces_the_in_memory_one_whatever_the_order_and_shares_its_options()
    {
        var services = new ServiceCollection();
        services.AddInMemoryTopicEventBus(topics => topics.AddPrefix("chat:", new TopicOptions { ReplayWindow = 5 }));
        services.AddSingleton<ITopicBackplane, ScriptedBackplane>();
        services.AddDistributedTopicEventBus();
        services.AddInMemoryTopicEventBus(topics => topics.AddPrefix("tally:", new TopicOptions { Policy = SlowSubscriberPolicy.Coalesce }));
        await using var provider = services.BuildServiceProvider();

        var bus = provider.GetRequiredService<DistributedTopicEventBus>();
        Assert.Same(bus, provider.GetRequiredService<ITopicEventSender>());
        Assert.Same(bus, provider.GetRequiredService<ITopicEventReceiver>());
        Assert.IsType<JsonTopicMessageSerializer>(provider.GetRequiredService<ITopicMessageSerializer>());
        var registry = provider.GetRequiredService<TopicOptionsRegistry>();
        Assert.Equal((5, SlowSubscriberPolicy.Coalesce), (registry.Resolve("chat:1").ReplayWindow, registry.Resolve("tally:1").Policy));
    }
}
