namespace Voting.GraphQL.Types;

/// <summary>The parameter receives the parent object rather than being exposed as an argument.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
public sealed class ParentAttribute : Attribute
{
}
