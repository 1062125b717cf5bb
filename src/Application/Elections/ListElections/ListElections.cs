using FluentValidation;
using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Elections;

namespace Voting.Application.Elections.ListElections;

public sealed record ListElectionsQuery(IReadOnlyCollection<ElectionStatus>? Statuses = null, int Skip = 0, int Take = 50);

public sealed class ListElectionsValidator : AbstractValidator<ListElectionsQuery>
{
    public ListElectionsValidator()
    {
        RuleFor(q => q.Skip).GreaterThanOrEqualTo(0);
        RuleFor(q => q.Take).InclusiveBetween(1, ElectionListFilter.MaxTake);
        RuleForEach(q => q.Statuses).IsInEnum();
    }
}

/// <summary>Elections newest opening first; drafts are listed only for officials.</summary>
public sealed class ListElectionsHandler(IValidator<ListElectionsQuery> validator, ICurrentUser currentUser, IElectionQueries queries)
{
    private static readonly ElectionStatus[] PublicStatuses =
        [.. Enum.GetValues<ElectionStatus>().Where(s => s != ElectionStatus.Draft)];

    public async Task<IReadOnlyList<ElectionSummary>> HandleAsync(ListElectionsQuery query, CancellationToken cancellationToken)
    {
        await validator.EnsureValidAsync(query, cancellationToken).ConfigureAwait(false);
        IReadOnlyCollection<ElectionStatus>? statuses = query.Statuses;
        if (!currentUser.IsOfficial())
        {
            statuses = statuses is null ? PublicStatuses : [.. statuses.Where(s => s != ElectionStatus.Draft)];
            if (statuses.Count == 0)
            {
                return [];
            }
        }

        return await queries.ListAsync(new ElectionListFilter(statuses, query.Skip, query.Take), cancellationToken).ConfigureAwait(false);
    }
}
