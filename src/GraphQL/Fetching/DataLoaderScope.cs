using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Voting.GraphQL.Fetching;

/// <summary>
/// The data loaders of one request, created on first use and shared by all its resolvers, so that
/// their keys batch together and their caches live exactly as long as the request. One per request.
/// </summary>
/// <param name="scheduler">The request's scheduler, given to every loader of the scope.</param>
/// <param name="services">The request's services, for the loaders' constructors; may be null.</param>
public sealed class DataLoaderScope(BatchScheduler scheduler, IServiceProvider? services)
{
    private readonly Lock _lock = new();

    // Keyed by the loader's Type for GetOrCreate<T>() and by its string key otherwise.
    private readonly ConcurrentDictionary<object, IDataLoader> _loaders = new();

    /// <summary>The scheduler that dispatches the loaders of this scope.</summary>
    public BatchScheduler Scheduler { get; } = scheduler ?? throw new ArgumentNullException(nameof(scheduler));

    /// <summary>
    /// The scope's <typeparamref name="T"/>, constructed on first use from its public constructor
    /// with the most parameters that can all be given: the <see cref="BatchScheduler"/>, the
    /// <see cref="DataLoaderOptions"/> from the services (or the defaults), and anything else from the
    /// services; an optional parameter the services lack gets its default. The loader itself need
    /// not be registered.
    /// </summary>
    /// <typeparam name="T">A concrete loader class.</typeparam>
    /// <exception cref="InvalidOperationException">No constructor can be given all its parameters.</exception>
    public T GetOrCreate<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>()
        where T : class, IDataLoader
    {
        if (_loaders.TryGetValue(typeof(T), out var loader))
        {
            return (T)loader;
        }

        // Under a lock so a loader is constructed once even when resolvers on several threads ask
        // for it together (ConcurrentDictionary.GetOrAdd may run its factory twice).
        lock (_lock)
        {
            if (!_loaders.TryGetValue(typeof(T), out loader))
            {
                loader = DataLoaderActivator.Create<T>(Scheduler, services);
                _loaders[typeof(T)] = loader;
            }

            return (T)loader;
        }
    }

    /// <summary>
    /// The scope's loader named <paramref name="key"/>, made by <paramref name="create"/> on first use;
    /// for loaders that need more than a constructor, such as a <see cref="FuncBatchDataLoader{TKey, TValue}"/>.
    /// </summary>
    /// <typeparam name="T">The loader's type.</typeparam>
    /// <param name="key">Names the loader within the request.</param>
    /// <param name="create">Makes the loader from the scope's scheduler.</param>
    /// <exception cref="InvalidOperationException">The key already names a loader of another type.</exception>
    public T GetOrCreate<T>(string key, Func<BatchScheduler, T> create)
        where T : class, IDataLoader
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(create);
        if (!_loaders.TryGetValue(key, out var loader))
        {
            lock (_lock)
            {
                if (!_loaders.TryGetValue(key, out loader))
                {
                    loader = create(Scheduler) ?? throw new InvalidOperationException($"The factory of data loader '{key}' returned null.");
                    _loaders[key] = loader;
                }
            }
        }

        return loader as T
            ?? throw new InvalidOperationException($"The data loader '{key}' is a {loader.GetType().Name}, not a {typeof(T).Name}.");
    }
}
