using Voting.Application.Abstractions;
using Voting.Domain.Elections.Events;

namespace Voting.Application.Elections.LiveTally;

/// <summary>
/// After a vote commits (delivered by the outbox), applies it to the live count and waits for a published
/// tally snapshot that counts it. Returning marks the VoteCast delivered, so neither the count nor the
/// snapshot is lost to a crash in between; a redelivery applies nothing twice (the count keys on the sequence).
/// </summary>
public sealed class PublishTallyOnVoteCast(ILiveTallyCounts counts, LiveTallyCoalescer coalescer) : IDomainEventHandler<VoteCast>
{
    public async Task HandleAsync(VoteCast domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);

        // Applied first: the snapshot the coalescer then reads starts after it, so it counts this vote.
        await counts.ApplyAsync(domainEvent, cancellationToken).ConfigureAwait(false);
        await coalescer.EnsurePublishedAsync(domainEvent.ElectionId, domainEvent.Sequence, cancellationToken).ConfigureAwait(false);
    }
}
