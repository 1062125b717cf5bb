namespace Voting.GraphQL.Types;

/// <summary>
/// Overrides the GraphQL type of a field, argument or input field with an SDL type reference such as
/// <c>[ID!]!</c>; the named type must exist in the schema (a scalar, or a type reached elsewhere).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Method | AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
public sealed class GraphQLTypeAttribute : Attribute
{
    public GraphQLTypeAttribute(string typeReference) => TypeReference = typeReference;

    public string TypeReference { get; }
}
