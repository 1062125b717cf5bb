using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Elections;

namespace Voting.Application.Voting.GetMyParticipation;

public sealed record GetMyParticipationQuery(ElectionId ElectionId);

/// <summary>Whether the caller voted in the election and when, to the hour. Never what they chose: nothing links the two (ADR 0002).</summary>
public sealed record MyParticipation(ElectionId ElectionId, bool HasVoted, DateTimeOffset? VotedAt);

public sealed class GetMyParticipationHandler(ICurrentUser currentUser, IElectionQueries queries)
{
    public async Task<MyParticipation> HandleAsync(GetMyParticipationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var voterId = currentUser.RequireSignedIn();
        await queries.GetVisibleAsync(currentUser, query.ElectionId, cancellationToken).ConfigureAwait(false);
        var votedAt = await queries.FindParticipationAsync(query.ElectionId, voterId, cancellationToken).ConfigureAwait(false);
        return new MyParticipation(query.ElectionId, votedAt is not null, votedAt);
    }
}
