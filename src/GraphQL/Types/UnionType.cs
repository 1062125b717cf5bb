namespace Voting.GraphQL.Types;

public sealed class UnionType : NamedType
{
    private readonly Lazy<IReadOnlyList<ObjectType>> _types;

    public UnionType(string name, Func<IEnumerable<ObjectType>> types)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(types);
        _types = new Lazy<IReadOnlyList<ObjectType>>(() => [.. types()]);
    }

    public UnionType(string name, IEnumerable<ObjectType> types)
        : this(name, () => types)
    {
    }

    /// <summary>The member types in definition order.</summary>
    public IReadOnlyList<ObjectType> Types => _types.Value;

    public ResolveAbstractType? ResolveType { get; init; }

    /// <summary>What the SDL listed as members, including types that are not object types (left out of <see cref="Types"/>).</summary>
    internal Func<IReadOnlyList<NamedType>>? DeclaredTypes { get; init; }

    internal override void Complete() => _ = _types.Value;
}
