using Voting.GraphQL.Errors;

namespace Voting.GraphQL.Language.Ast;

/// <summary>The span of a node in its source: UTF-8 byte offsets, and the line and column where it starts.</summary>
public readonly record struct Location(int Start, int End, int Line, int Column)
{
    public SourceLocation StartLocation => new(Line, Column);
}
