namespace Voting.GraphQL.Types;

/// <summary>
/// <c>@cost(weight:)</c> on a code-first field (the IBM cost specification, as
/// HotChocolate's <c>[Cost]</c>): what resolving it weighs in the operation's field cost.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Method, Inherited = true)]
public sealed class CostAttribute(double weight) : Attribute
{
    public double Weight { get; } = weight;
}
