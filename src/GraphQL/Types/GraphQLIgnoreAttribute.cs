namespace Voting.GraphQL.Types;

/// <summary>Leaves the member or enum value out of the schema.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Method | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class GraphQLIgnoreAttribute : Attribute
{
}
