namespace Voting.GraphQL.Types;

/// <summary>The parameter is taken from the request services rather than exposed as an argument.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
public sealed class ServiceAttribute : Attribute
{
}
