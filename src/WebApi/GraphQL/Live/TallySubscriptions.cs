using System.Runtime.CompilerServices;
using Voting.Application.Elections;
using Voting.Application.Elections.GetTally;
using Voting.Domain.Elections;
using Voting.GraphQL.Subscriptions.Topics;
using Voting.WebApi.GraphQL.Elections;

namespace Voting.WebApi.GraphQL.Live;

/// <summary>
/// The source stream of <c>tallyUpdated</c>: the tally as it stands, then every newer snapshot
/// published on <see cref="TallyTopic"/>. It subscribes before it reads, so a snapshot published
/// while it reads is not missed, and it passes on only versions above the last it gave, so the seam
/// (and a snapshot published late by another dispatcher) never takes the client backwards.
/// </summary>
public sealed class TallySubscriptions(ITopicEventReceiver receiver, GetTallyHandler getTally)
{
    /// <summary>Subscribes, or throws the refusal GetTally gives this caller (NOT_FOUND, FORBIDDEN) before any event.</summary>
    public async Task<IAsyncEnumerable<TallyNode>> SubscribeAsync(ElectionId electionId, CancellationToken cancellationToken)
    {
        var updates = await receiver.SubscribeAsync<TallyView>(TallyTopic.For(electionId), options: null, cancellationToken).ConfigureAwait(false);
        try
        {
            var current = await getTally.HandleAsync(new GetTallyQuery(electionId), cancellationToken).ConfigureAwait(false);
            return Snapshots(current, updates);
        }
        catch
        {
            await updates.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async IAsyncEnumerable<TallyNode> Snapshots(
        TallyView current,
        ISourceStream<TallyView> updates,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            yield return new TallyNode(current);
            var version = current.Version;
            await foreach (var update in updates.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (update.Message.Version > version)
                {
                    version = update.Message.Version;
                    yield return new TallyNode(update.Message);
                }
            }
        }
        finally
        {
            await updates.DisposeAsync().ConfigureAwait(false);
        }
    }
}
