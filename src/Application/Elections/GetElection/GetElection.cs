using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Elections;

namespace Voting.Application.Elections.GetElection;

public sealed record GetElectionQuery(ElectionId ElectionId);

/// <summary>An election with its candidates. Drafts are seen only by officials; to others they do not exist.</summary>
public sealed class GetElectionHandler(ICurrentUser currentUser, IElectionQueries queries)
{
    public Task<ElectionDetails> HandleAsync(GetElectionQuery query, CancellationToken cancellationToken) =>
        queries.GetVisibleAsync(currentUser, query.ElectionId, cancellationToken);
}
