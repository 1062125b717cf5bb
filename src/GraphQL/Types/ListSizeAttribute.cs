namespace Voting.GraphQL.Types;

/// <summary>
/// <c>@listSize</c> on a code-first list field (the IBM cost specification, as HotChocolate's
/// <c>[ListSize]</c>): how many items it returns, for cost analysis; from a slicing argument
/// such as <c>first</c> when the client gives one, else <see cref="AssumedSize"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Method, Inherited = true)]
public sealed class ListSizeAttribute : Attribute
{
    /// <summary>The size to assume when no slicing argument says; negative means none given.</summary>
    public int AssumedSize { get; init; } = -1;

    public string[]? SlicingArguments { get; init; }

    /// <summary>For connections: the fields that hold the list (e.g. <c>edges</c>, <c>nodes</c>).</summary>
    public string[]? SizedFields { get; init; }

    public bool RequireOneSlicingArgument { get; init; } = true;
}
