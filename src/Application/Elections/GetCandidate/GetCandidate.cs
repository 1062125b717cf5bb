using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Common;
using Voting.Domain.Elections;

namespace Voting.Application.Elections.GetCandidate;

public sealed record GetCandidateQuery(CandidateId CandidateId);

/// <summary>One candidate. A candidate of a draft is seen only by officials, as the draft itself is.</summary>
public sealed class GetCandidateHandler(ICurrentUser currentUser, IElectionQueries queries)
{
    public async Task<CandidateDetails> HandleAsync(GetCandidateQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var found = await queries.GetCandidateAsync(query.CandidateId, cancellationToken).ConfigureAwait(false)
            ?? throw DomainException.NotFound($"Candidate '{query.CandidateId}' was not found.");
        try
        {
            await queries.GetVisibleAsync(currentUser, found.ElectionId, cancellationToken).ConfigureAwait(false);
        }
        catch (DomainException hidden) when (hidden.Code == ErrorCodes.NotFound)
        {
            throw DomainException.NotFound($"Candidate '{query.CandidateId}' was not found.");
        }

        return found;
    }
}
