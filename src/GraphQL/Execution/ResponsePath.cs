namespace Voting.GraphQL.Execution;

/// <summary>
/// A position in the response (graphql-js's Path): a field's response name or a list index, linked
/// to its parent. Immutable and shared by every value below it, so making one costs one small object.
/// </summary>
internal sealed class ResponsePath
{
    private ResponsePath(ResponsePath? parent, object key, int depth)
    {
        Parent = parent;
        Key = key;
        Depth = depth;
    }

    public ResponsePath? Parent { get; }

    /// <summary>A response name (string) or a list index (int).</summary>
    public object Key { get; }

    public int Depth { get; }

    public static ResponsePath Root(string responseName) => new(null, responseName, 1);

    public ResponsePath Field(string responseName) => new(this, responseName, Depth + 1);

    public ResponsePath Index(int index) => new(this, index, Depth + 1);

    public IReadOnlyList<object> ToList()
    {
        var keys = new object[Depth];
        for (var path = this; path is not null; path = path.Parent)
        {
            keys[path.Depth - 1] = path.Key;
        }

        return keys;
    }
}
