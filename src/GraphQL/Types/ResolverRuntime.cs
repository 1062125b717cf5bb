using System.Collections;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Voting.GraphQL.Errors;

namespace Voting.GraphQL.Types;

/// <summary>
/// The small helpers compiled code-first resolvers call: getting the instance to call, converting
/// argument values to parameter types, and adapting results to <see cref="ValueTask{TResult}"/>.
/// </summary>
internal static class ResolverRuntime
{
    private static readonly ConcurrentDictionary<Type, Func<IReadOnlyDictionary<string, object?>, object>> InputFactories = new();

    /// <summary>The parent cast to <typeparamref name="T"/>; for root types, an instance from the request services or a shared one.</summary>
    public static T Instance<T>(IResolverContext context)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Parent as T
            ?? context.RequestServices?.GetService(typeof(T)) as T
            ?? RootInstance<T>.Value
            ?? throw new InvalidOperationException($"No instance of {typeof(T).Name} to resolve {context.FieldDefinition} on: register it as a service or give it a public parameterless constructor.");
    }

    public static T Service<T>(IResolverContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var service = context.RequestServices?.GetService(typeof(T));
        return service is T typed ? typed : throw new InvalidOperationException($"Service {typeof(T).Name} is not registered; {context.FieldDefinition} needs it.");
    }

    public static T Argument<T>(IResolverContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.TryGetArgument(name, out var value) ? Convert<T>(value) : default!;
    }

    public static T Convert<T>(object? value) => value is T typed ? typed : (T)ConvertTo(value, typeof(T))!;

    public static ValueTask<object?> FromResult<T>(T value) => new(value);

    public static ValueTask<object?> FromTask<T>(Task<T> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : Await(task);

        static async ValueTask<object?> Await(Task<T> task) => await task.ConfigureAwait(false);
    }

    public static ValueTask<object?> FromValueTask<T>(ValueTask<T> task) =>
        task.IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : Await(task);

    public static ValueTask<object?> FromStream<T>(IAsyncEnumerable<T> stream) => new(Box(stream));

    public static ValueTask<object?> FromStreamTask<T>(Task<IAsyncEnumerable<T>> task) =>
        FromTask(task).Then(s => (object?)Box((IAsyncEnumerable<T>)s!));

    /// <summary>The event a subscription field executes: the message of a topic event, or the event itself for a plain stream.</summary>
    public static T EventMessage<T>(IResolverContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Convert<T>(context.Parent is SubscriptionEvent topicEvent ? topicEvent.Message : context.Parent);
    }

    public static SubscriptionEvent Event(IResolverContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Parent as SubscriptionEvent
            ?? throw new InvalidOperationException($"{context.FieldDefinition} takes a SubscriptionEvent, which only a topic subscription ([Subscribe]) gives.");
    }

    public static ValueTask<object?> ParentAsResult(IResolverContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ValueTask<object?>(context.Parent);
    }

    internal static void RegisterInputFactory(Type type, Func<IReadOnlyDictionary<string, object?>, object> factory) =>
        InputFactories[type] = factory;

    private static async ValueTask<object?> Await<T>(ValueTask<T> task) => await task.ConfigureAwait(false);

    private static async ValueTask<object?> Then(this ValueTask<object?> task, Func<object?, object?> map) => map(await task.ConfigureAwait(false));

    private static async IAsyncEnumerable<object?> Box<T>(IAsyncEnumerable<T> stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in stream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    // Coerced argument values are already CLR values of the right scalar or enum; what is left to do
    // is building input objects and list shapes, and widening numbers.
    private static object? ConvertTo(object? value, Type target)
    {
        if (value is null)
        {
            return null;
        }

        if (target.IsInstanceOfType(value))
        {
            return value;
        }

        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        if (value is IReadOnlyDictionary<string, object?> fields && InputFactories.TryGetValue(underlying, out var factory))
        {
            return factory(fields);
        }

        if (value is IEnumerable items && value is not string && ClrTypes.GetElementType(underlying) is { } elementType)
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
            foreach (var item in items)
            {
                list.Add(ConvertTo(item, elementType));
            }

            if (underlying.IsArray)
            {
                var array = Array.CreateInstance(elementType, list.Count);
                list.CopyTo(array, 0);
                return array;
            }

            return list;
        }

        if (underlying == typeof(Guid) && value is string text)
        {
            // IDs arrive as strings; a malformed one is the client's mistake, not a server failure.
            return Guid.TryParse(text, out var id)
                ? id
                : throw new GraphQLException($"\"{text}\" is not a valid ID.", ErrorCodes.BadUserInput);
        }

        if (underlying.IsEnum && value is string name)
        {
            return Enum.Parse(underlying, name, ignoreCase: true);
        }

        if (value is IConvertible)
        {
            return System.Convert.ChangeType(value, underlying, System.Globalization.CultureInfo.InvariantCulture);
        }

        throw new InvalidCastException($"Cannot convert {value.GetType().Name} to {target.Name}.");
    }

    private static class RootInstance<T>
        where T : class
    {
        public static readonly T? Value = typeof(T).GetConstructor(Type.EmptyTypes) is null ? null : Activator.CreateInstance<T>();
    }
}
