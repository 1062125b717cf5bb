using Voting.Application.Abstractions;
using Voting.Application.Elections;
using Voting.GraphQL.Subscriptions.Topics;

namespace Voting.WebApi.GraphQL.Live;

/// <summary>Publishes tally snapshots on the election's <see cref="TallyTopic"/>.</summary>
internal sealed class TopicTallyPublisher(ITopicEventSender sender) : ITallyPublisher
{
    public async Task PublishAsync(TallyView tally, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tally);
        await sender.SendAsync(TallyTopic.For(tally.ElectionId), tally, cancellationToken).ConfigureAwait(false);
    }
}
