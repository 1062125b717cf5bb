using Voting.GraphQL.Types;

namespace Voting.GraphQL.Data;

/// <summary>
/// Gives a field whose resolver returns <see cref="IQueryable{T}"/> (or <see cref="IEnumerable{T}"/>) a
/// <c>where: {T}FilterInput</c> argument (HotChocolate's <c>[UseFiltering]</c>): <c>and</c>, <c>or</c> and,
/// per property of T, the operations its type has (see <c>StringOperationFilterInput</c> and the
/// others). The client's conditions become one <c>Where</c> on the query, so a database filters.
/// </summary>
/// <remarks>
/// Properties of object or list types are left out. A property of a scalar type without an
/// <c>==</c> operator refuses the schema (a <see cref="SchemaValidationException"/> naming the field)
/// rather than failing at run time. Case-insensitive operations go through the request's
/// <see cref="ICaseInsensitiveStringTranslator"/>.
/// </remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class UseFilteringAttribute : FieldConfigurationAttribute
{
    public UseFilteringAttribute() => Order = DataField.FilteringOrder;

    /// <inheritdoc />
    public override void Configure(FieldConfiguration field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var elementType = DataField.ElementType(field, "UseFiltering");
        var model = FilterModel.Create(field, elementType);
        DataField.AddArgument(field, "UseFiltering", new ArgumentDefinition(DataArguments.Where, model.Type) { Description = "Only the items that meet these conditions." }, DataArguments.Order);
        var materialize = DataField.IsOutermost(field, this);
        field.Resolver = DataField.Pipeline(elementType).Filter(field.Resolver, model, materialize);
        if (materialize)
        {
            field.ResultType = DataField.MaterializedType(elementType);
        }
    }
}
