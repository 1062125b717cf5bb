using Voting.Domain.Elections;

namespace Voting.Application.Elections;

/// <summary>Which elections to list, newest opening first. <see cref="Statuses"/> null means any status; an empty list matches nothing.</summary>
public sealed record ElectionListFilter(IReadOnlyCollection<ElectionStatus>? Statuses = null, int Skip = 0, int Take = 50)
{
    public const int MaxTake = 200;
}
