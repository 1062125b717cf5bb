using Voting.GraphQL.Types;

namespace Voting.GraphQL.Data;

/// <summary>
/// Gives a field whose resolver returns <see cref="IQueryable{T}"/> (or <see cref="IEnumerable{T}"/>) an
/// <c>order: [{T}SortInput!]</c> argument (HotChocolate's <c>[UseSorting]</c>): each item names one
/// property of T with <c>ASC</c> or <c>DESC</c>; the first is the OrderBy, the others ThenBy.
/// </summary>
/// <remarks>On a <see cref="UsePagingAttribute"/> field the paging applies the order, with its tie-breaker key.</remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class UseSortingAttribute : FieldConfigurationAttribute
{
    public UseSortingAttribute() => Order = DataField.SortingOrder;

    /// <inheritdoc />
    public override void Configure(FieldConfiguration field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var elementType = DataField.ElementType(field, "UseSorting");
        var model = SortModel.Create(field, elementType);
        DataField.AddArgument(field, "UseSorting", new ArgumentDefinition(DataArguments.Order, new ListType(new NonNullType(model.Type))) { Description = "The order of the items: the first key, then the next to break ties." });
        if (DataField.IsPaged(field))
        {
            return;
        }

        var materialize = DataField.IsOutermost(field, this);
        field.Resolver = DataField.Pipeline(elementType).Sort(field.Resolver, model, materialize);
        if (materialize)
        {
            field.ResultType = DataField.MaterializedType(elementType);
        }
    }
}
