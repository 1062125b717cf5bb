using Voting.GraphQL.Subscriptions.Topics;

namespace Voting.GraphQL.Tests.Subscriptions.Topics;

/// <summary>
/// An in-process backplane that several <see cref="DistributedTopicEventBus"/> instances share, as processes
/// share Redis, with the failures a real one has on demand: lost pushes, a reconnection, a trimmed log,
/// data lost with the sequence jumping ahead, failing reads.
/// </summary>
internal sealed class ScriptedBackplane : ITopicBackplane
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<BackplaneEvent>> _logs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _sequences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<IBackplaneListener>> _listeners = new(StringComparer.Ordinal);

    /// <summary>Appends still log, but nobody is pushed to (a dropped connection).</summary>
    public bool DropPushes { get; set; }

    /// <summary>The sequence a topic's first event gets (Redis starts a topic at the current time in microseconds).</summary>
    public long FirstSequence { get; set; } = 1;

    /// <summary>How many of the next reads fail.</summary>
    public int FailingReads { get; set; }

    public int ListenerCount(string topic)
    {
        lock (_gate)
        {
            return _listeners.TryGetValue(topic, out var listeners) ? listeners.Count : 0;
        }
    }

    public ValueTask<long> AppendAsync(string topic, ReadOnlyMemory<byte> payload, DateTimeOffset publishedAt, int retain, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var sequence = _sequences[topic] = _sequences.TryGetValue(topic, out var last) ? last + 1 : FirstSequence;
            var published = new BackplaneEvent(sequence, publishedAt, payload.ToArray());
            var log = Log(topic);
            log.Add(published);
            if (log.Count > retain)
            {
                log.RemoveRange(0, log.Count - retain);
            }

            if (!DropPushes && _listeners.TryGetValue(topic, out var listeners))
            {
                foreach (var listener in listeners)
                {
                    listener.OnEvent(published);
                }
            }

            return ValueTask.FromResult(sequence);
        }
    }

    public ValueTask<long> GetLastSequenceAsync(string topic, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_sequences.GetValueOrDefault(topic));
        }
    }

    public ValueTask<IReadOnlyList<BackplaneEvent>> ReadAfterAsync(string topic, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (FailingReads > 0)
            {
                FailingReads--;
                throw new IOException("The backplane is unreachable.");
            }

            IReadOnlyList<BackplaneEvent> read = [.. Log(topic).Where(e => e.Sequence > afterSequence).Take(maxCount)];
            return ValueTask.FromResult(read);
        }
    }

    public ValueTask<IAsyncDisposable> ListenAsync(string topic, IBackplaneListener listener, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_listeners.TryGetValue(topic, out var listeners))
            {
                _listeners[topic] = listeners = [];
            }

            listeners.Add(listener);
        }

        return ValueTask.FromResult<IAsyncDisposable>(new Unlisten(this, topic, listener));
    }

    /// <summary>Tells every listener the connection is back (after <see cref="DropPushes"/>).</summary>
    public void Reconnect()
    {
        List<IBackplaneListener> all;
        lock (_gate)
        {
            DropPushes = false;
            all = [.. _listeners.Values.SelectMany(l => l)];
        }

        foreach (var listener in all)
        {
            listener.OnReconnected();
        }
    }

    /// <summary>Keeps only the last <paramref name="keep"/> logged events of the topic.</summary>
    public void Trim(string topic, int keep)
    {
        lock (_gate)
        {
            var log = Log(topic);
            log.RemoveRange(0, Math.Max(0, log.Count - keep));
        }
    }

    /// <summary>The backplane lost the topic's data; its next sequence continues from <paramref name="floor"/>.</summary>
    public void Lose(string topic, long floor)
    {
        lock (_gate)
        {
            Log(topic).Clear();
            _sequences[topic] = floor;
        }
    }

    private List<BackplaneEvent> Log(string topic)
    {
        if (!_logs.TryGetValue(topic, out var log))
        {
            _logs[topic] = log = [];
        }

        return log;
    }

    private sealed class Unlisten(ScriptedBackplane backplane, string topic, IBackplaneListener listener) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            lock (backplane._gate)
            {
                backplane._listeners[topic].Remove(listener);
            }

            return ValueTask.CompletedTask;
        }
    }
}
