using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Voting.GraphQL.Fetching;

/// <summary>
/// Constructs a loader as Microsoft.Extensions.DependencyInjection's <c>ActivatorUtilities</c> would,
/// with the scope's scheduler and options added to what the services give. Our own because the
/// engine references no package (the architecture tests hold it to the framework).
/// </summary>
internal static class DataLoaderActivator
{
    public static T Create<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>(BatchScheduler scheduler, IServiceProvider? services)
        where T : class, IDataLoader
    {
        if (typeof(T).IsAbstract)
        {
            throw new InvalidOperationException(
                $"Cannot construct the data loader {typeof(T).Name}: it is abstract. Ask for a concrete loader class, or make it with GetOrCreate(key, create).");
        }

        string? missing = null;
        foreach (var (constructor, parameters) in Constructors<T>.Longest)
        {
            var arguments = new object?[parameters.Length];
            if (TryResolve(parameters, arguments, scheduler, services, ref missing))
            {
                return (T)constructor.Invoke(BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
            }
        }

        throw new InvalidOperationException(missing is null
            ? $"Cannot construct the data loader {typeof(T).Name}: it has no public constructor."
            : $"Cannot construct the data loader {typeof(T).Name}: no service for the parameter {missing} of its constructor.");
    }

    private static bool TryResolve(ParameterInfo[] parameters, object?[] arguments, BatchScheduler scheduler, IServiceProvider? services, ref string? missing)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            var type = parameter.ParameterType;
            if (type == typeof(BatchScheduler))
            {
                arguments[i] = scheduler;
            }
            else if (type == typeof(DataLoaderOptions))
            {
                arguments[i] = services?.GetService(type) ?? DataLoaderOptions.Default;
            }
            else if (services?.GetService(type) is { } service)
            {
                arguments[i] = service;
            }
            else if (parameter.HasDefaultValue)
            {
                // Null for a value type stands for its default when invoking.
                arguments[i] = parameter.DefaultValue;
            }
            else
            {
                missing ??= $"{type.Name} {parameter.Name}";
                return false;
            }
        }

        return true;
    }

    /// <summary>The public constructors of <typeparamref name="T"/>, longest first; computed once per type.</summary>
    private static class Constructors<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>
    {
        public static readonly (ConstructorInfo Constructor, ParameterInfo[] Parameters)[] Longest =
        [
            .. typeof(T).GetConstructors()
                .Select(c => (c, c.GetParameters()))
                .OrderByDescending(c => c.Item2.Length),
        ];
    }
}
