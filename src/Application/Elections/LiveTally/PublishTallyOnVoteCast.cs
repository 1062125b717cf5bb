using Voting.Application.Abstractions;
using Voting.Domain.Elections.Events;

namespace Voting.Application.Elections.LiveTally;

/// <summary>
/// After a vote commits (delivered by the outbox), waits for a published tally snapshot that counts
/// it. Returning marks the VoteCast delivered, so a snapshot is never lost to a crash in between.
/// </summary>
public sealed class PublishTallyOnVoteCast(LiveTallyCoalescer coalescer) : IDomainEventHandler<VoteCast>
{
    public Task HandleAsync(VoteCast domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return coalescer.EnsurePublishedAsync(domainEvent.ElectionId, domainEvent.Sequence, cancellationToken);
    }
}
