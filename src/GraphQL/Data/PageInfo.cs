namespace Voting.GraphQL.Data;

/// <summary>
/// Where a connection page stands (Relay's <c>PageInfo</c>). The side a page was read from is known
/// exactly (one extra row is fetched); the other side is reported as "there is more" when the
/// request started from a cursor on that side, as the Relay specification allows.
/// </summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
