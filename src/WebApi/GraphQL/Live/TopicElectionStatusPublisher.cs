using Voting.Application.Abstractions;
using Voting.Application.Elections;
using Voting.GraphQL.Subscriptions.Topics;

namespace Voting.WebApi.GraphQL.Live;

/// <summary>Publishes status changes on the election's <see cref="ElectionStatusTopic"/>.</summary>
internal sealed class TopicElectionStatusPublisher(ITopicEventSender sender) : IElectionStatusPublisher
{
    public async Task PublishAsync(ElectionStatusChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await sender.SendAsync(ElectionStatusTopic.For(change.ElectionId), change, cancellationToken).ConfigureAwait(false);
    }
}
