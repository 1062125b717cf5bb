using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Elections;

namespace Voting.Application.Elections.ListElections;

/// <summary>The elections the caller may see; the caller filters, orders and pages the query.</summary>
public sealed record ListElectionsQuery;

/// <summary>
/// Elections as a composable query. Drafts are listed only for officials: the condition is part of
/// the query itself, so no filter, order or page a client adds can reach a draft.
/// </summary>
public sealed class ListElectionsHandler(ICurrentUser currentUser, IElectionQueries queries)
{
    public IQueryable<ElectionSummary> Handle(ListElectionsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var summaries = queries.Summaries();
        return currentUser.IsOfficial() ? summaries : summaries.Where(e => e.Status != ElectionStatus.Draft);
    }
}
