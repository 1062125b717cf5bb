using System.Reflection;

namespace Voting.GraphQL.Data;

/// <summary>One sortable property of the element type: its field name in the sort input.</summary>
internal sealed record SortField(string Name, PropertyInfo Property)
{
    /// <summary>Whether the values can be null (then keyset paging orders nulls first, explicitly, on every provider).</summary>
    public bool IsNullable { get; } = DataProperties.IsNullable(Property);
}
