namespace Voting.GraphQL.Data;

/// <summary>What one <c>[UsePaging]</c> field was configured with; page sizes of 0 defer to <see cref="PagingOptions"/>.</summary>
internal sealed record PagingSettings(string Coordinate, int DefaultPageSize, int MaxPageSize, SortField TieBreaker, SortModel? Sort);
