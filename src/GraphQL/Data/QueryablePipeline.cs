using System.Linq.Expressions;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Data;

/// <summary>The resolver wrappers of the data attributes, for one element type.</summary>
internal interface IQueryablePipeline
{
    FieldResolver Filter(FieldResolver inner, FilterModel model, bool materialize);

    FieldResolver Sort(FieldResolver inner, SortModel model, bool materialize);

    FieldResolver Page(FieldResolver inner, PagingSettings settings);
}

/// <summary>
/// Wraps a resolver that returns <see cref="IQueryable{T}"/> (or <see cref="IEnumerable{T}"/>) so the
/// client's arguments become part of the query: filtering adds a Where, sorting an OrderBy, paging a
/// keyset Where, its own OrderBy and a Take. Only the outermost wrapper runs the query, through the
/// request's <see cref="IQueryableExecutor"/>, so a database sees one query for the page.
/// </summary>
internal sealed class QueryablePipeline<T> : IQueryablePipeline
{
    public FieldResolver Filter(FieldResolver inner, FilterModel model, bool materialize) => async context =>
    {
        if (AsQueryable(await inner(context).ConfigureAwait(false)) is not { } query)
        {
            return null;
        }

        if (context.TryGetArgument(DataArguments.Where, out var value) && value is IReadOnlyDictionary<string, object?> where)
        {
            var element = Expression.Parameter(typeof(T), "x");
            var translator = context.RequestServices?.GetService(typeof(ICaseInsensitiveStringTranslator)) as ICaseInsensitiveStringTranslator
                ?? OrdinalIgnoreCaseStringTranslator.Instance;
            query = query.Where(Expression.Lambda<Func<T, bool>>(model.Translate(element, where, translator), element));
        }

        return materialize ? await Executor(context).ToListAsync(query, context.CancellationToken).ConfigureAwait(false) : query;
    };

    public FieldResolver Sort(FieldResolver inner, SortModel model, bool materialize) => async context =>
    {
        if (AsQueryable(await inner(context).ConfigureAwait(false)) is not { } query)
        {
            return null;
        }

        if (context.TryGetArgument(DataArguments.Order, out var order))
        {
            query = SortModel.Apply(query, SortModel.Selectors<T>(model.Parse(order)));
        }

        return materialize ? await Executor(context).ToListAsync(query, context.CancellationToken).ConfigureAwait(false) : query;
    };

    public FieldResolver Page(FieldResolver inner, PagingSettings settings) => async context =>
    {
        if (AsQueryable(await inner(context).ConfigureAwait(false)) is not { } source)
        {
            return null;
        }

        var first = IntArgument(context, DataArguments.First);
        var last = IntArgument(context, DataArguments.Last);
        var after = context.TryGetArgument(DataArguments.After, out var a) ? a as string : null;
        var before = context.TryGetArgument(DataArguments.Before, out var b) ? b as string : null;
        var size = PageSize(context, settings, first, last);

        var keys = settings.Sort is { } sort && context.TryGetArgument(DataArguments.Order, out var order) ? sort.Parse(order) : [];
        var keyset = Keyset.Create(settings.Coordinate, keys, settings.TieBreaker);
        var query = source;
        if (after is not null)
        {
            query = query.Where(keyset.Beyond<T>(keyset.Decode(after, DataArguments.After), before: false));
        }

        if (before is not null)
        {
            query = query.Where(keyset.Beyond<T>(keyset.Decode(before, DataArguments.Before), before: true));
        }

        // Read backwards for `last`: the reversed order's first rows are the page's last ones.
        var backward = last is not null;
        var executor = Executor(context);
        var rows = await executor.ToListAsync(keyset.Order(query, reverse: backward).Take(size + 1), context.CancellationToken).ConfigureAwait(false);
        var more = rows.Count > size;
        var page = rows.Take(size).ToList();
        if (backward)
        {
            page.Reverse();
        }

        var edges = page.Select(row => new Edge<T>(keyset.Cursor(row!), row)).ToList();
        var pageInfo = new PageInfo(
            HasNextPage: backward ? before is not null : more,
            HasPreviousPage: backward ? more : after is not null,
            StartCursor: edges.Count > 0 ? edges[0].Cursor : null,
            EndCursor: edges.Count > 0 ? edges[^1].Cursor : null);
        return new Connection<T>(edges, pageInfo, cancellationToken => executor.CountAsync(source, cancellationToken));
    };

    private static int PageSize(IResolverContext context, PagingSettings settings, int? first, int? last)
    {
        var options = context.RequestServices?.GetService(typeof(PagingOptions)) as PagingOptions;
        var max = settings.MaxPageSize > 0 ? settings.MaxPageSize : options?.MaxPageSize ?? PagingOptions.DefaultMaxPageSize;
        var byDefault = settings.DefaultPageSize > 0 ? settings.DefaultPageSize : options?.DefaultPageSize ?? PagingOptions.DefaultDefaultPageSize;
        if (first is not null && last is not null)
        {
            throw new GraphQLException("Give \"first\" or \"last\", not both: a page is read from one end.", ErrorCodes.BadUserInput);
        }

        var size = first ?? last ?? Math.Min(byDefault, max);
        var argument = first is not null ? DataArguments.First : DataArguments.Last;
        if (size < 0)
        {
            throw new GraphQLException($"\"{argument}\" must not be negative.", ErrorCodes.BadUserInput);
        }

        return size <= max
            ? size
            : throw new GraphQLException($"\"{argument}\" may ask for at most {max} items; it asked for {size}.", ErrorCodes.BadUserInput);
    }

    private static int? IntArgument(IResolverContext context, string name) =>
        context.TryGetArgument(name, out var value) && value is not null ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static IQueryableExecutor Executor(IResolverContext context) =>
        context.RequestServices?.GetService(typeof(IQueryableExecutor)) as IQueryableExecutor ?? QueryableExecutor.Instance;

    private static IQueryable<T>? AsQueryable(object? result) => result switch
    {
        null => null,
        IQueryable<T> query => query,
        IEnumerable<T> items => items.AsQueryable(),
        _ => throw new InvalidOperationException($"A data field's resolver returned {result.GetType().Name}, not a sequence of {typeof(T).Name}."),
    };
}
