namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>
/// Chooses a topic's <see cref="TopicOptions"/> by its exact name, else by the longest prefix configured,
/// else the default. A topic takes its options when it is created; later changes apply to topics created after.
/// </summary>
public sealed class TopicOptionsRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TopicOptions> _exact = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, TopicOptions>> _prefixes = [];
    private TopicOptions _default = new();

    /// <summary>The options of topics that no name or prefix matches.</summary>
    public TopicOptions Default
    {
        get
        {
            lock (_gate)
            {
                return _default;
            }
        }
    }

    /// <summary>Sets the options of topics that no name or prefix matches.</summary>
    public TopicOptionsRegistry SetDefault(TopicOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        lock (_gate)
        {
            _default = options;
        }

        return this;
    }

    /// <summary>Sets the options of the topic named exactly <paramref name="topic"/>.</summary>
    public TopicOptionsRegistry AddTopic(string topic, TopicOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(options);
        lock (_gate)
        {
            _exact[topic] = options;
        }

        return this;
    }

    /// <summary>Sets the options of every topic whose name starts with <paramref name="prefix"/> (e.g. <c>"tally:"</c>).</summary>
    public TopicOptionsRegistry AddPrefix(string prefix, TopicOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        ArgumentNullException.ThrowIfNull(options);
        lock (_gate)
        {
            _prefixes.RemoveAll(p => p.Key == prefix);
            _prefixes.Add(new(prefix, options));
        }

        return this;
    }

    /// <summary>The options of <paramref name="topic"/>: exact name, else longest matching prefix, else the default.</summary>
    public TopicOptions Resolve(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        lock (_gate)
        {
            if (_exact.TryGetValue(topic, out var exact))
            {
                return exact;
            }

            TopicOptions? best = null;
            var bestLength = -1;
            foreach (var (prefix, options) in _prefixes)
            {
                if (prefix.Length > bestLength && topic.StartsWith(prefix, StringComparison.Ordinal))
                {
                    best = options;
                    bestLength = prefix.Length;
                }
            }

            return best ?? _default;
        }
    }
}
