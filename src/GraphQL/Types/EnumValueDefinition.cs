using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

public sealed class EnumValueDefinition
{
    /// <param name="name">The GraphQL name, e.g. <c>IN_PROGRESS</c>.</param>
    /// <param name="value">The CLR value resolvers see and return; the name itself when null.</param>
    public EnumValueDefinition(string name, object? value = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Value = value ?? name;
    }

    public string Name { get; }

    public object Value { get; }

    public string? Description { get; init; }

    public string? DeprecationReason { get; init; }

    public bool IsDeprecated => DeprecationReason is not null;

    public IReadOnlyList<DirectiveNode> AppliedDirectives { get; init; } = [];

    public EnumValueDefinitionNode? AstNode { get; init; }

    public override string ToString() => Name;
}
