using Voting.Application.Abstractions;
using Voting.Domain.Elections.Events;

namespace Voting.Application.Elections.LiveTally;

/// <summary>
/// After votes commit (delivered by the outbox), applies them to the live count and waits for a published
/// tally snapshot that counts them. Returning marks the event delivered, so neither the count nor the
/// snapshot is lost to a crash in between; a redelivery applies nothing twice (the count keys on the sequence).
/// A batch's votes come as one <see cref="VotesCast"/> (ADR 0035): one apply and one wait for the whole batch;
/// a lone <see cref="VoteCast"/> is a row stored before votes were combined, still delivered.
/// </summary>
public sealed class PublishTallyOnVoteCast(ILiveTallyCounts counts, LiveTallyCoalescer coalescer)
    : IDomainEventHandler<VotesCast>, IDomainEventHandler<VoteCast>
{
    public async Task HandleAsync(VotesCast domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);

        // Applied first: the snapshot the coalescer then reads starts after it, so it counts these votes.
        await counts.ApplyAsync(domainEvent, cancellationToken).ConfigureAwait(false);
        await coalescer.EnsurePublishedAsync(domainEvent.ElectionId, domainEvent.LastSequence, cancellationToken).ConfigureAwait(false);
    }

    public Task HandleAsync(VoteCast domainEvent, CancellationToken cancellationToken) =>
        HandleAsync(VotesCast.Of(domainEvent), cancellationToken);
}
