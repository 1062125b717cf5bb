namespace Voting.GraphQL.Types;

/// <summary>Marks the field, argument, input field or enum value <c>@deprecated</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Method | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class GraphQLDeprecatedAttribute : Attribute
{
    public GraphQLDeprecatedAttribute(string? reason = null) => Reason = reason ?? Directives.DefaultDeprecationReason;

    public string Reason { get; }
}
