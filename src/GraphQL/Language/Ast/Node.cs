namespace Voting.GraphQL.Language.Ast;

/// <summary>A node of the abstract syntax tree.</summary>
public abstract class Node
{
    public abstract SyntaxKind Kind { get; }

    /// <summary>Where the node stands in the source; null for nodes built in code.</summary>
    public Location? Location { get; init; }
}
