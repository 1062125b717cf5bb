using Microsoft.Extensions.DependencyInjection;
using Voting.GraphQL.Subscriptions.Topics;

namespace Voting.GraphQL.Tests.Subscriptions.Topics;

public sealed class TopicEventBusServiceCollectionExtensionsTests
{
    [Fact]
    public async Task The_bus_is_one_sender_and_receiver_configured_by_every_call()
    {
        var services = new ServiceCollection();
        services.AddInMemoryTopicEventBus(topics => topics.AddPrefix("chat:", new TopicOptions { ReplayWindow = 5 }));
        services.AddInMemoryTopicEventBus(topics => topics.AddPrefix("tally:", new TopicOptions { Policy = SlowSubscriberPolicy.Coalesce }));
        await using var provider = services.BuildServiceProvider();

        var bus = provider.GetRequiredService<InMemoryTopicEventBus>();
        Assert.Same(bus, provider.GetRequiredService<ITopicEventSender>());
        Assert.Same(bus, provider.GetRequiredService<ITopicEventReceiver>());
        var registry = provider.GetRequiredService<TopicOptionsRegistry>();
        Assert.Equal(5, registry.Resolve("chat:1").ReplayWindow);
        Assert.Equal(SlowSubscriberPolicy.Coalesce, registry.Resolve("tally:1").Policy);
    }
}
