using System.Diagnostics.CodeAnalysis;

namespace Voting.GraphQL.Execution;

/// <summary>
/// The result of a selection set: response names and values in the order fields were collected
/// (spec 6.3: the response's entries follow the selection order). Filled slot by slot by the
/// executor; read-only to everyone else.
/// </summary>
/// <remarks>
/// The keys are the collected fields' response names, shared by every object of one selection (a list
/// of a thousand items has one list of keys), so a map allocates only its values.
/// </remarks>
internal sealed class ResultMap : IReadOnlyDictionary<string, object?>
{
    private readonly IReadOnlyList<CollectedField> _fields;
    private readonly object?[] _values;
    private int _count;

    public ResultMap(IReadOnlyList<CollectedField> fields)
    {
        _fields = fields;
        _values = fields.Count == 0 ? [] : new object?[fields.Count];
    }

    public int Count => _count;

    public IEnumerable<string> Keys => _fields.Take(_count).Select(f => f.ResponseName);

    public IEnumerable<object?> Values => _values.Take(_count);

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    /// <summary>Appends the value of the next field, in collection order; returns its slot so an async value can fill it in later.</summary>
    public int Add(object? value)
    {
        _values[_count] = value;
        return _count++;
    }

    public void Set(int slot, object? value) => _values[slot] = value;

    public string KeyAt(int slot) => _fields[slot].ResponseName;

    public object? ValueAt(int slot) => _values[slot];

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return new KeyValuePair<string, object?>(_fields[i].ResponseName, _values[i]);
        }
    }

    private int IndexOf(string key)
    {
        for (var i = 0; i < _count; i++)
        {
            if (_fields[i].ResponseName == key)
            {
                return i;
            }
        }

        return -1;
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
