namespace Voting.GraphQL.Server;

/// <summary>
/// A thread-safe map that holds at most <see cref="Capacity"/> entries and, when full, drops the one used
/// least recently: unique queries from a client (or an attacker) can replace entries but never grow it.
/// One lock guards a dictionary and a doubly linked recency list; both operations are O(1) and the lock is
/// held for a few pointer moves, which costs far less than the parse and validation a hit saves.
/// </summary>
internal sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, Node> _map;
    private readonly Lock _lock = new();

    // _head is the most recently used entry, _tail the next to go.
    private Node? _head;
    private Node? _tail;
    private long _hits;
    private long _misses;

    public BoundedCache(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _map = new Dictionary<TKey, Node>(Math.Min(capacity, 1024), comparer);
    }

    public int Capacity { get; }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _map.Count;
            }
        }
    }

    /// <summary>Lookups that found their key, since the cache was made.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Lookups that did not.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    public bool TryGet(TKey key, out TValue value)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var node))
            {
                MoveToFront(node);
                _hits++;
                value = node.Value;
                return true;
            }

            _misses++;
        }

        value = default!;
        return false;
    }

    /// <summary>Adds or replaces the entry of <paramref name="key"/>, evicting the least recently used one when full.</summary>
    public void Set(TKey key, TValue value)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var existing))
            {
                existing.Value = value;
                MoveToFront(existing);
                return;
            }

            if (_map.Count >= Capacity && _tail is { } oldest)
            {
                Unlink(oldest);
                _map.Remove(oldest.Key);
            }

            var node = new Node(key, value);
            _map.Add(key, node);
            LinkFirst(node);
        }
    }

    private void MoveToFront(Node node)
    {
        if (ReferenceEquals(node, _head))
        {
            return;
        }

        Unlink(node);
        LinkFirst(node);
    }

    private void LinkFirst(Node node)
    {
        node.Previous = null;
        node.Next = _head;
        if (_head is not null)
        {
            _head.Previous = node;
        }

        _head = node;
        _tail ??= node;
    }

    private void Unlink(Node node)
    {
        if (node.Previous is null)
        {
            _head = node.Next;
        }
        else
        {
            node.Previous.Next = node.Next;
        }

        if (node.Next is null)
        {
            _tail = node.Previous;
        }
        else
        {
            node.Next.Previous = node.Previous;
        }

        node.Previous = null;
        node.Next = null;
    }

    private sealed class Node(TKey key, TValue value)
    {
        public TKey Key { get; } = key;

        public TValue Value { get; set; } = value;

        public Node? Previous { get; set; }

        public Node? Next { get; set; }
    }
}
