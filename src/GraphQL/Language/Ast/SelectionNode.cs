namespace Voting.GraphQL.Language.Ast;

/// <summary>A field, fragment spread or inline fragment.</summary>
public abstract class SelectionNode : Node
{
}
