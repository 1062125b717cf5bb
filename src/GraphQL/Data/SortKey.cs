namespace Voting.GraphQL.Data;

/// <summary>One key of a requested order: a property and its direction.</summary>
internal sealed record SortKey(SortField Field, bool Descending);
