using Voting.Application.Abstractions;
using Voting.Application.Elections;
using Voting.Domain.Common;
using Voting.Domain.Elections;

namespace Voting.Application.Common;

internal static class ElectionQueriesExtensions
{
    /// <summary>The election as <paramref name="currentUser"/> may see it: drafts exist only for officials.</summary>
    public static async Task<ElectionDetails> GetVisibleAsync(
        this IElectionQueries queries,
        ICurrentUser currentUser,
        ElectionId id,
        CancellationToken cancellationToken)
    {
        var election = await queries.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return election is null || (election.Status == ElectionStatus.Draft && !currentUser.IsOfficial())
            ? throw DomainException.NotFound($"Election '{id}' was not found.")
            : election;
    }
}
