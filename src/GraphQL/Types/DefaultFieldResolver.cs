using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Voting.GraphQL.Types;

/// <summary>
/// The resolver of fields that have none (graphql-js's defaultFieldResolver): the parent's entry of
/// that name if it is a dictionary, otherwise its public property of that name, compared
/// case-insensitively so <c>title</c> finds <c>Title</c>. Property getters are compiled once per
/// CLR type and field name.
/// </summary>
public static class DefaultFieldResolver
{
    private static readonly ConcurrentDictionary<(Type Type, string Name), Func<object, object?>?> Getters = new();

    public static FieldResolver Instance { get; } = Resolve;

    public static ValueTask<object?> Resolve(IResolverContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ValueTask<object?>(GetValue(context.Parent, context.FieldDefinition.Name));
    }

    internal static object? GetValue(object? parent, string name)
    {
        switch (parent)
        {
            case null:
                return null;
            case IReadOnlyDictionary<string, object?> map:
                return map.GetValueOrDefault(name);
            case IDictionary dictionary:
                return dictionary.Contains(name) ? dictionary[name] : null;
        }

        var getter = Getters.GetOrAdd((parent.GetType(), name), static key => CompileGetter(key.Type, key.Name));
        return getter?.Invoke(parent);
    }

    private static Func<object, object?>? CompileGetter(Type type, string name)
    {
        // An exact match wins over properties that differ only in case (which make IgnoreCase ambiguous).
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var property = properties.FirstOrDefault(p => p.Name == name)
            ?? properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        if (property?.GetMethod is null || property.GetIndexParameters().Length > 0)
        {
            return null;
        }

        var instance = Expression.Parameter(typeof(object), "instance");
        var body = Expression.Convert(Expression.Property(Expression.Convert(instance, type), property), typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, instance).Compile();
    }
}
