namespace Voting.GraphQL.Types;

/// <summary>Overrides the GraphQL name derived from a C# type, member, parameter or enum value.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Enum | AttributeTargets.Property | AttributeTargets.Method | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class GraphQLNameAttribute : Attribute
{
    public GraphQLNameAttribute(string name) => Name = name;

    public string Name { get; }
}
