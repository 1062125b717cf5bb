namespace Voting.GraphQL.Data;

/// <summary>The direction of one sort key: <c>ASC</c> or <c>DESC</c> (HotChocolate's <c>SortEnumType</c>).</summary>
public enum SortEnumType
{
    /// <summary>Smallest first.</summary>
    Asc,

    /// <summary>Largest first.</summary>
    Desc,
}
