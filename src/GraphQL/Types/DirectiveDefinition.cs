using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

public sealed class DirectiveDefinition
{
    public DirectiveDefinition(string name, IReadOnlyList<DirectiveLocation> locations)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(locations);
        Name = name;
        Locations = locations;
    }

    public string Name { get; }

    public string? Description { get; init; }

    public IReadOnlyList<DirectiveLocation> Locations { get; }

    public IReadOnlyList<ArgumentDefinition> Arguments { get; init; } = [];

    public bool IsRepeatable { get; init; }

    public DirectiveDefinitionNode? AstNode { get; init; }

    public ArgumentDefinition? GetArgument(string name) => Arguments.FirstOrDefault(a => a.Name == name);

    public override string ToString() => "@" + Name;
}
