using System.Runtime.CompilerServices;
using Voting.Domain.Elections;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Subscriptions;
using Voting.GraphQL.Types;
using Voting.WebApi.GraphQL.Elections;
using Voting.WebApi.GraphQL.Live;

namespace Voting.WebApi.GraphQL;

/// <summary>
/// The subscription root: live tallies and status changes of elections, announcements, and a demo
/// stream that lets every transport and client be exercised end to end.
/// </summary>
public sealed partial class Subscription
{
    public const int MaxTicks = 1000;

    [GraphQLDescription("The election's tally: first as it stands, then after votes, at most a few snapshots a second (a slow client skips to the newest). `version` never goes backwards. Only where the election shows its tally: while open if its results are LIVE, and once it has closed; otherwise FORBIDDEN before any event.")]
    public Task<IAsyncEnumerable<TallyNode>> TallyUpdatedAsync([ID] Guid electionId, [Service] TallySubscriptions tallies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        return tallies.SubscribeAsync(new ElectionId(electionId), cancellationToken);
    }

    [GraphQLDescription("The election's status changes (opened, closed, …) as they are committed, by an officer or on schedule. With `afterSequence` (the last one seen) it first replays those since, if the server still holds them (the latest 16); otherwise, or when this subscriber falls too far behind, it ends with a RESYNC_REQUIRED error.")]
    public Task<IAsyncEnumerable<ElectionStatusEvent>> ElectionStatusChangedAsync(
        [ID] Guid electionId,
        [Service] ElectionStatusSubscriptions changes,
        CancellationToken cancellationToken,
        long? afterSequence = null)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return changes.SubscribeAsync(new ElectionId(electionId), afterSequence, cancellationToken);
    }

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
