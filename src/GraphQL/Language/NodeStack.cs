using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Language;

/// <summary>
/// One scratch stack for every list a parse builds. Lists nest strictly (an inner selection set is
/// complete before its parent continues), so each production marks the top, pushes its items and
/// pops them into an array of exactly the right size: no list growth, no List objects in the AST.
/// One instance per thread is reused across parses.
/// </summary>
internal sealed class NodeStack
{
    [ThreadStatic]
    private static NodeStack? s_cached;

    private Node[] _items = new Node[64];
    private int _count;

    public int Mark => _count;

    /// <summary>The thread's stack, emptied; <see cref="Return"/> gives it back.</summary>
    public static NodeStack Rent()
    {
        var stack = s_cached ?? new NodeStack();
        s_cached = null;
        stack.Clear();
        return stack;
    }

    public static void Return(NodeStack stack)
    {
        stack.Clear();
        s_cached = stack;
    }

    public void Push(Node node)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[_count++] = node;
    }

    /// <summary>The items pushed since <paramref name="mark"/>, in order, removed from the stack.</summary>
    public T[] PopAll<T>(int mark)
        where T : Node
    {
        var length = _count - mark;
        if (length == 0)
        {
            return [];
        }

        var result = new T[length];
        for (var i = 0; i < length; i++)
        {
            result[i] = (T)_items[mark + i];
        }

        Array.Clear(_items, mark, length);
        _count = mark;
        return result;
    }

    private void Clear()
    {
        Array.Clear(_items, 0, _count);
        _count = 0;
    }
}
