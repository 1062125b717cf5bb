using System.Reflection;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Data;

/// <summary>
/// Makes a field whose resolver returns <see cref="IQueryable{T}"/> (or <see cref="IEnumerable{T}"/>) a
/// Relay cursor connection (HotChocolate's <c>[UsePaging]</c>): its type becomes
/// <c>{Field}Connection</c> (<c>edges { cursor node }</c>, <c>nodes</c>, <c>pageInfo</c>,
/// <c>totalCount</c>) and it takes <c>first</c>, <c>after</c>, <c>last</c> and <c>before</c>.
/// </summary>
/// <remarks>
/// Pages are keyset pages, not offsets: a cursor holds the row's values of the sort keys (the
/// <c>order</c> of <see cref="UseSortingAttribute"/>, then the unique <see cref="KeyProperty"/>), and
/// <c>after</c> becomes the condition "comes after those values", so a page costs the same however far
/// in it is and rows inserted meanwhile do not shift it. One more row than asked is read to tell
/// whether another page follows. The field gets <c>@listSize</c> so cost analysis counts the page
/// size for <c>edges</c> and <c>nodes</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class UsePagingAttribute : FieldConfigurationAttribute
{
    public UsePagingAttribute() => Order = DataField.PagingOrder;

    /// <summary>The page size without <c>first</c> or <c>last</c>; 0 takes <see cref="PagingOptions.DefaultPageSize"/>.</summary>
    public int DefaultPageSize { get; init; }

    /// <summary>The largest page a client may ask for; 0 takes <see cref="PagingOptions.MaxPageSize"/>.</summary>
    public int MaxPageSize { get; init; }

    /// <summary>The CLR name of a unique, non-null, sortable property of the items: the last key of every order, so the order is total.</summary>
    public string KeyProperty { get; init; } = "Id";

    /// <summary>The prefix of the connection and edge type names; by default the field's name in PascalCase (HotChocolate's naming).</summary>
    public string? ConnectionName { get; init; }

    /// <inheritdoc />
    public override void Configure(FieldConfiguration field)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentOutOfRangeException.ThrowIfNegative(DefaultPageSize);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxPageSize);
        var elementType = DataField.ElementType(field, "UsePaging");
        var where = $"[UsePaging] on {field.DeclaringType.Name}.{field.Member.Name} ({field.Name})";
        var key = elementType.GetProperty(KeyProperty, BindingFlags.Public | BindingFlags.Instance);
        if (key is null || DataProperties.IsNullable(key) || !SortModel.IsSortable(field.Schema, key.PropertyType))
        {
            throw new SchemaValidationException($"{where}: {elementType.Name} has no non-null, sortable property \"{KeyProperty}\" to be the unique tie-breaker key; name one with KeyProperty.");
        }

        var sort = field.Member.IsDefined(typeof(UseSortingAttribute), inherit: true) ? SortModel.Create(field, elementType) : null;
        var tieBreaker = new SortField(DataProperties.Of(elementType).FirstOrDefault(p => p.Property == key).Name ?? key.Name, key);
        var settings = new PagingSettings($"{field.DeclaringType.FullName}.{field.Name}", DefaultPageSize, MaxPageSize, tieBreaker, sort);

        var connection = (ObjectType)typeof(ConnectionTypes).GetMethod(nameof(ConnectionTypes.Connection))!.MakeGenericMethod(elementType)
            .Invoke(null, [field, ConnectionName ?? char.ToUpperInvariant(field.Name[0]) + field.Name[1..]])!;
        field.Type = field.Type is NonNullType ? new NonNullType(connection) : connection;
        field.ResultType = typeof(Connection<>).MakeGenericType(elementType);

        string[] followers = [DataArguments.Where, DataArguments.Order];
        DataField.AddArgument(field, "UsePaging", new ArgumentDefinition(DataArguments.First, Scalars.Int) { Description = "Returns the first _n_ elements from the list." }, followers);
        DataField.AddArgument(field, "UsePaging", new ArgumentDefinition(DataArguments.After, Scalars.String) { Description = "Returns the elements in the list that come after the specified cursor." }, followers);
        DataField.AddArgument(field, "UsePaging", new ArgumentDefinition(DataArguments.Last, Scalars.Int) { Description = "Returns the last _n_ elements from the list." }, followers);
        DataField.AddArgument(field, "UsePaging", new ArgumentDefinition(DataArguments.Before, Scalars.String) { Description = "Returns the elements in the list that come before the specified cursor." }, followers);

        foreach (var directive in CostDirectives.All)
        {
            field.Schema.AddDirective(directive);
        }

        field.AppliedDirectives.Add(CostDirectives.ApplyListSize(
            assumedSize: MaxPageSize > 0 ? MaxPageSize : PagingOptions.DefaultMaxPageSize,
            slicingArguments: [DataArguments.First, DataArguments.Last],
            sizedFields: ["edges", "nodes"],
            requireOneSlicingArgument: false));
        field.Resolver = DataField.Pipeline(elementType).Page(field.Resolver, settings);
    }
}
