namespace Voting.GraphQL.Types;

/// <summary>The description of the GraphQL element generated from the C# one.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Enum | AttributeTargets.Property | AttributeTargets.Method | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class GraphQLDescriptionAttribute : Attribute
{
    public GraphQLDescriptionAttribute(string description) => Description = description;

    public string Description { get; }
}
