namespace Voting.GraphQL.Data;

/// <summary>One item of a connection page and the cursor that points at it.</summary>
public sealed record Edge<T>(string Cursor, T Node);
