using System.Runtime.CompilerServices;
using Voting.Application.Elections;
using Voting.Application.Elections.GetElection;
using Voting.Domain.Elections;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Subscriptions.Topics;

namespace Voting.WebApi.GraphQL.Live;

/// <summary>
/// The source stream of <c>electionStatusChanged</c>: the election's changes from
/// <see cref="ElectionStatusTopic"/>, after <c>afterSequence</c> when resuming. Only an election the
/// caller may see can be watched (a draft exists for officials only), checked before any event.
/// </summary>
public sealed class ElectionStatusSubscriptions(ITopicEventReceiver receiver, GetElectionHandler getElection)
{
    public async Task<IAsyncEnumerable<ElectionStatusEvent>> SubscribeAsync(ElectionId electionId, long? afterSequence, CancellationToken cancellationToken)
    {
        if (afterSequence < 0)
        {
            throw new GraphQLException($"\"afterSequence\" is a sequence already seen: 0 or more, not {afterSequence}.", ErrorCodes.BadUserInput);
        }

        await getElection.HandleAsync(new GetElectionQuery(electionId), cancellationToken).ConfigureAwait(false);
        var options = afterSequence is { } after ? new SubscribeOptions { AfterSequence = after } : null;
        var changes = await receiver.SubscribeAsync<ElectionStatusChange>(ElectionStatusTopic.For(electionId), options, cancellationToken).ConfigureAwait(false);
        return Changes(changes);
    }

    private static async IAsyncEnumerable<ElectionStatusEvent> Changes(
        ISourceStream<ElectionStatusChange> changes,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var change in changes.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return new ElectionStatusEvent(change.Message, change.Sequence);
            }
        }
        finally
        {
            await changes.DisposeAsync().ConfigureAwait(false);
        }
    }
}
