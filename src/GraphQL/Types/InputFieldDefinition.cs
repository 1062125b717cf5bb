namespace Voting.GraphQL.Types;

/// <summary>A field of an input object type.</summary>
public sealed class InputFieldDefinition : InputValueDefinition
{
    public InputFieldDefinition(string name, GraphQLType type)
        : base(name, type)
    {
    }
}
