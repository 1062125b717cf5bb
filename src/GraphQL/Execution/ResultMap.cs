using System.Diagnostics.CodeAnalysis;

namespace Voting.GraphQL.Execution;

/// <summary>
/// The result of a selection set: response names and values in the order fields were collected
/// (spec 6.3: the response's entries follow the selection order). Filled slot by slot by the
/// executor; read-only to everyone else.
/// </summary>
internal sealed class ResultMap : IReadOnlyDictionary<string, object?>
{
    private readonly string[] _keys;
    private readonly object?[] _values;
    private int _count;

    public ResultMap(int capacity)
    {
        _keys = capacity == 0 ? [] : new string[capacity];
        _values = capacity == 0 ? [] : new object?[capacity];
    }

    public int Count => _count;

    public IEnumerable<string> Keys => _keys.Take(_count);

    public IEnumerable<object?> Values => _values.Take(_count);

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    /// <summary>Appends an entry; returns its slot so an async value can fill it in later.</summary>
    public int Add(string key, object? value)
    {
        _keys[_count] = key;
        _values[_count] = value;
        return _count++;
    }

    public void Set(int slot, object? value) => _values[slot] = value;

    public string KeyAt(int slot) => _keys[slot];

    public object? ValueAt(int slot) => _values[slot];

    public bool ContainsKey(string key) => Array.IndexOf(_keys, key, 0, _count) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var index = Array.IndexOf(_keys, key, 0, _count);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return new KeyValuePair<string, object?>(_keys[i], _values[i]);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
