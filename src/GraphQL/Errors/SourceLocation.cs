namespace Voting.GraphQL.Errors;

/// <summary>A position in a GraphQL document: 1-based line and column (columns count Unicode code points, as graphql-js does).</summary>
public readonly record struct SourceLocation(int Line, int Column);
