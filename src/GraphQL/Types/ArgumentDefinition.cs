namespace Voting.GraphQL.Types;

/// <summary>An argument of a field or directive.</summary>
public sealed class ArgumentDefinition : InputValueDefinition
{
    public ArgumentDefinition(string name, GraphQLType type)
        : base(name, type)
    {
    }

    /// <summary>The CLR parameter type a compiled resolver expects (code-first); null for SDL.</summary>
    public Type? RuntimeType { get; init; }
}
