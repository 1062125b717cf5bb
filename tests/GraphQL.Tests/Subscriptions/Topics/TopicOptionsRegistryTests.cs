using Voting.GraphQL.Subscriptions.Topics;

namespace Voting.GraphQL.Tests.Subscriptions.Topics;

public sealed class TopicOptionsRegistryTests
{
    private static readonly TopicOptions Chat = new() { ReplayWindow = 100, Policy = SlowSubscriberPolicy.EndSubscriber };
    private static readonly TopicOptions Tally = new() { ReplayWindow = 1, SubscriberBufferSize = 1, Policy = SlowSubscriberPolicy.Coalesce };
    private static readonly TopicOptions Lobby = new() { SubscriberBufferSize = 8 };

    [Fact]
    public void An_exact_name_beats_a_prefix_and_the_longest_prefix_wins()
    {
        var registry = new TopicOptionsRegistry()
            .AddPrefix("election:", Chat)
            .AddPrefix("election:tally:", Tally)
            .AddTopic("election:lobby", Lobby);

        Assert.Same(Tally, registry.Resolve("election:tally:7"));
        Assert.Same(Chat, registry.Resolve("election:chat:7"));
        Assert.Same(Lobby, registry.Resolve("election:lobby"));
    }

    [Fact]
    public void A_topic_nothing_matches_takes_the_default()
    {
        var registry = new TopicOptionsRegistry().AddPrefix("chat:", Chat);

        Assert.Same(registry.Default, registry.Resolve("other"));
        Assert.Same(Tally, registry.SetDefault(Tally).Resolve("other"));
    }

    [Fact]
    public void The_default_ends_slow_subscribers_and_keeps_no_window()
    {
        var options = new TopicOptionsRegistry().Default;

        Assert.Equal(SlowSubscriberPolicy.EndSubscriber, options.Policy);
        Assert.Equal(0, options.ReplayWindow);
        Assert.True(options.SubscriberBufferSize > 0);
    }

    [Fact]
    public void Options_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TopicOptions { ReplayWindow = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TopicOptions { SubscriberBufferSize = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TopicOptions { Policy = (SlowSubscriberPolicy)7 });
    }

    [Fact]
    public void Setting_a_prefix_again_replaces_it()
    {
        var registry = new TopicOptionsRegistry().AddPrefix("chat:", Chat).AddPrefix("chat:", Lobby);

        Assert.Same(Lobby, registry.Resolve("chat:1"));
    }
}
