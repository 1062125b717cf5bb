using System.Collections;

namespace Voting.GraphQL.Fetching;

/// <summary>
/// What <see cref="BatchDataLoader{TKey, TValue}"/> and <see cref="GroupedDataLoader{TKey, TValue}"/>
/// share: the per-request cache, the pending batch with its keys in first-requested order and
/// without duplicates, the split by <see cref="DataLoaderOptions.MaxBatchSize"/>, and the
/// completion of the waiting loads. Thread-safe.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">What a key loads to.</typeparam>
public abstract class DataLoaderBase<TKey, TValue> : IDataLoader<TKey, TValue>, IBatchDispatcher
    where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly BatchScheduler _scheduler;
    private readonly int _maxBatchSize;
    private readonly IEqualityComparer<TKey> _comparer;

    // Holds the task of every key loaded, loading or set in this request; null without caching.
    private readonly Dictionary<TKey, Task<TValue>>? _cache;
    private Batch? _batch;

    // Only the two loader kinds of this module derive from it: the batch plumbing is not an extension point.
    private protected DataLoaderBase(BatchScheduler scheduler, DataLoaderOptions? options)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        options ??= DataLoaderOptions.Default;
        _scheduler = scheduler;
        _maxBatchSize = options.MaxBatchSize ?? int.MaxValue;
        _comparer = options.KeyComparer switch
        {
            null => EqualityComparer<TKey>.Default,
            IEqualityComparer<TKey> typed => typed,
            var untyped => new UntypedComparer(untyped),
        };
        _cache = options.Caching ? new Dictionary<TKey, Task<TValue>>(_comparer) : null;
    }

    /// <inheritdoc />
    public Task<TValue> LoadAsync(TKey key, CancellationToken cancellationToken = default)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<TValue>(cancellationToken);
        }

        var load = GetOrQueue(key);

        // WaitAsync completes its task inline when the load completes, so the caller's continuation
        // still runs synchronously inside the dispatch; the load itself is not cancelled.
        return cancellationToken.CanBeCanceled && !load.IsCompleted ? load.WaitAsync(cancellationToken) : load;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TValue>> LoadAsync(IReadOnlyCollection<TKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<IReadOnlyList<TValue>>(cancellationToken);
        }

        var loads = new Task<TValue>[keys.Count];
        var i = 0;
        foreach (var key in keys)
        {
            if (key is null)
            {
                throw new ArgumentException("A key is null.", nameof(keys));
            }

            loads[i++] = GetOrQueue(key);
        }

        return WhenAllAsync(loads, cancellationToken);
    }

    /// <inheritdoc />
    public void Set(TKey key, TValue value)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        if (_cache is null)
        {
            return;
        }

        lock (_lock)
        {
            _cache.TryAdd(key, Task.FromResult(value));
        }
    }

    /// <inheritdoc />
    public void Remove(TKey key)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        if (_cache is null)
        {
            return;
        }

        lock (_lock)
        {
            _cache.Remove(key);
        }
    }

    /// <inheritdoc />
    public void Clear()
    {
        if (_cache is null)
        {
            return;
        }

        lock (_lock)
        {
            _cache.Clear();
        }
    }

    Task IBatchDispatcher.DispatchAsync(CancellationToken cancellationToken)
    {
        Batch? batch;
        lock (_lock)
        {
            batch = _batch;
            _batch = null;
        }

        if (batch is null)
        {
            return Task.CompletedTask;
        }

        var count = batch.Keys.Count;
        if (count <= _maxBatchSize)
        {
            return RunAsync(batch.Keys, batch.Promises, cancellationToken);
        }

        var parts = new Task[((count - 1) / _maxBatchSize) + 1];
        for (var part = 0; part < parts.Length; part++)
        {
            var start = part * _maxBatchSize;
            var length = Math.Min(_maxBatchSize, count - start);
            parts[part] = RunAsync(batch.Keys.GetRange(start, length), batch.Promises.GetRange(start, length), cancellationToken);
        }

        return Task.WhenAll(parts);
    }

    /// <summary>
    /// Fetches the values of <paramref name="keys"/> (distinct, in first-requested order) and
    /// returns them in the same order, a missing key's value included.
    /// </summary>
    private protected abstract Task<TValue[]> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    private static async Task<IReadOnlyList<TValue>> WhenAllAsync(Task<TValue>[] loads, CancellationToken cancellationToken)
    {
        var all = Task.WhenAll(loads);
        return await (cancellationToken.CanBeCanceled ? all.WaitAsync(cancellationToken) : all).ConfigureAwait(false);
    }

    private Task<TValue> GetOrQueue(TKey key)
    {
        Task<TValue> load;
        var first = false;
        lock (_lock)
        {
            if (_cache is not null && _cache.TryGetValue(key, out var cached))
            {
                return cached;
            }

            if (_batch is null)
            {
                _batch = new Batch(_comparer);
                first = true;
            }

            load = _batch.GetOrAdd(key);
            _cache?.Add(key, load);
        }

        // Outside the lock: the scheduler takes its own lock and may signal WhenPending.
        if (first)
        {
            _scheduler.Schedule(this);
        }

        return load;
    }

    private async Task RunAsync(List<TKey> keys, List<TaskCompletionSource<TValue>> promises, CancellationToken cancellationToken)
    {
        TValue[] values;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            values = await FetchAsync(keys, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Fail(keys, promises, exception);
            return;
        }

        // Each completion runs the waiter's continuation inline: its next loads are queued before
        // the dispatch returns.
        for (var i = 0; i < promises.Count; i++)
        {
            promises[i].TrySetResult(values[i]);
        }
    }

    private void Fail(List<TKey> keys, List<TaskCompletionSource<TValue>> promises, Exception exception)
    {
        // A failure is not cached: forget the keys before the waiters' continuations run, so a
        // retry from one of them fetches again.
        if (_cache is not null)
        {
            lock (_lock)
            {
                for (var i = 0; i < keys.Count; i++)
                {
                    if (_cache.TryGetValue(keys[i], out var cached) && cached == promises[i].Task)
                    {
                        _cache.Remove(keys[i]);
                    }
                }
            }
        }

        foreach (var promise in promises)
        {
            promise.TrySetException(exception);
        }
    }

    /// <summary>The keys waiting for the next dispatch, each once, in first-requested order.</summary>
    private sealed class Batch(IEqualityComparer<TKey> comparer)
    {
        private readonly Dictionary<TKey, int> _index = new(comparer);

        public List<TKey> Keys { get; } = [];

        // Without RunContinuationsAsynchronously on purpose: see BatchScheduler.
        public List<TaskCompletionSource<TValue>> Promises { get; } = [];

        public Task<TValue> GetOrAdd(TKey key)
        {
            if (_index.TryGetValue(key, out var i))
            {
                return Promises[i].Task;
            }

            _index.Add(key, Keys.Count);
            Keys.Add(key);
            var promise = new TaskCompletionSource<TValue>();
            Promises.Add(promise);
            return promise.Task;
        }
    }

    /// <summary>Adapts a non-generic comparer from the options to the key type.</summary>
    private sealed class UntypedComparer(IEqualityComparer comparer) : IEqualityComparer<TKey>
    {
        public bool Equals(TKey? x, TKey? y) => comparer.Equals(x, y);

        public int GetHashCode(TKey obj) => comparer.GetHashCode(obj);
    }
}
