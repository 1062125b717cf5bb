namespace Voting.GraphQL.Types;

/// <summary>Maps the member to the ID scalar instead of the scalar of its CLR type, keeping nullability and lists.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Method | AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
public sealed class IDAttribute : Attribute
{
}
