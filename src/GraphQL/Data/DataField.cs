using Voting.GraphQL.Types;

namespace Voting.GraphQL.Data;

/// <summary>What the three data attributes share: the element type, the pipeline and who runs the query.</summary>
internal static class DataField
{
    /// <summary>HotChocolate's nesting: paging wraps filtering wraps sorting, whatever order the C# attributes are written in.</summary>
    public const int SortingOrder = -30;

    public const int FilteringOrder = -20;

    public const int PagingOrder = -10;

    public static Type ElementType(FieldConfiguration field, string attribute)
    {
        var type = field.ResultType;
        return type != typeof(string) && ClrTypes.GetElementType(type) is { } element
            ? element
            : throw new SchemaValidationException($"[{attribute}] on {field.DeclaringType.Name}.{field.Member.Name} ({field.Name}): the resolver returns {type.Name}, not an IQueryable<T> or IEnumerable<T>.");
    }

    public static IQueryablePipeline Pipeline(Type elementType) =>
        (IQueryablePipeline)Activator.CreateInstance(typeof(QueryablePipeline<>).MakeGenericType(elementType))!;

    /// <summary>Whether no other data attribute on the member wraps <paramref name="attribute"/>: then it runs the query.</summary>
    public static bool IsOutermost(FieldConfiguration field, FieldConfigurationAttribute attribute) =>
        !field.Member.GetCustomAttributes(typeof(FieldConfigurationAttribute), inherit: true)
            .OfType<FieldConfigurationAttribute>()
            .Any(a => a is UseFilteringAttribute or UseSortingAttribute or UsePagingAttribute && a.GetType() != attribute.GetType() && a.Order > attribute.Order);

    public static bool IsPaged(FieldConfiguration field) => field.Member.IsDefined(typeof(UsePagingAttribute), inherit: true);

    /// <summary>Adds <paramref name="argument"/> before the first of <paramref name="followers"/> the field has, else at the end (HotChocolate's order: first, after, last, before, where, order).</summary>
    public static void AddArgument(FieldConfiguration field, string attribute, ArgumentDefinition argument, params string[] followers)
    {
        if (field.GetArgument(argument.Name) is not null)
        {
            throw new SchemaValidationException($"[{attribute}] on {field.DeclaringType.Name}.{field.Member.Name} ({field.Name}): the field already has an argument \"{argument.Name}\".");
        }

        var index = field.Arguments.Select((a, i) => (a, i)).Where(x => followers.Contains(x.a.Name)).Select(x => x.i).DefaultIfEmpty(field.Arguments.Count).Min();
        field.Arguments.Insert(index, argument);
    }

    /// <summary>The type of a field that returns a list once the query has run.</summary>
    public static Type MaterializedType(Type elementType) => typeof(IReadOnlyList<>).MakeGenericType(elementType);
}
