using System.Runtime.CompilerServices;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Subscriptions;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL;

/// <summary>
/// The subscription root. Until the elections API brings its real subscriptions (tally updates,
/// status changes), one demo stream lets every transport and client be exercised end to end.
/// </summary>
public sealed class Subscription
{
    public const int MaxTicks = 1000;

    [GraphQLDescription("Announcements as they are made. With `afterSequence` (the last one seen) it first replays those made since, if the server still holds them (the latest 1000); otherwise, or when this subscriber falls too far behind, it ends with a RESYNC_REQUIRED error.")]
    [Subscribe(AfterSequenceArgument = "afterSequence")]
    [Topic(AnnouncementTopic.Name)]
    public Announcement Announcements(long? afterSequence, [EventMessage] AnnouncementTopic.Message message, SubscriptionEvent @event)
    {
        _ = afterSequence; // read by [Subscribe] when it subscribes
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(@event);
        return new Announcement(@event.Sequence, message.Text, message.PublishedAt);
    }

    [GraphQLDescription("A demo stream: `count` ticks, one every `intervalMs` milliseconds (10 to 60000), numbered from 1.")]
    public async IAsyncEnumerable<Tick> Ticks(
        int count = 10,
        int intervalMs = 1000,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (count is < 1 or > MaxTicks || intervalMs is < 10 or > 60_000)
        {
            throw new GraphQLException($"ticks takes a count from 1 to {MaxTicks} and an interval from 10 to 60000 ms.", ErrorCodes.BadUserInput);
        }

        for (var sequence = 1; sequence <= count; sequence++)
        {
            await Task.Delay(intervalMs, cancellationToken).ConfigureAwait(false);
            yield return new Tick(sequence, DateTimeOffset.UtcNow);
        }
    }
}

[GraphQLDescription("One tick of the demo stream.")]
public sealed record Tick(int Sequence, DateTimeOffset At);
