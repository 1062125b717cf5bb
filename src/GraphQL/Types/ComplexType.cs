namespace Voting.GraphQL.Types;

/// <summary>
/// What object and interface types share: fields and implemented interfaces. Both are supplied
/// lazily so that types can refer to each other in cycles; they are forced once, when the schema
/// is built, and never change afterwards.
/// </summary>
public abstract class ComplexType : NamedType
{
    private readonly Lazy<OrderedDictionary<string, FieldDefinition>> _fields;
    private readonly Lazy<IReadOnlyList<InterfaceType>> _interfaces;

    private protected ComplexType(string name, Func<IEnumerable<FieldDefinition>> fields, Func<IEnumerable<InterfaceType>>? interfaces)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = new Lazy<OrderedDictionary<string, FieldDefinition>>(() => ToMap(fields()));
        _interfaces = new Lazy<IReadOnlyList<InterfaceType>>(() => interfaces is null ? [] : [.. interfaces()]);
    }

    /// <summary>Fields in definition order (enumeration follows that order), looked up by name in O(1).</summary>
    public IReadOnlyDictionary<string, FieldDefinition> Fields => _fields.Value;

    public IReadOnlyList<InterfaceType> Interfaces => _interfaces.Value;

    /// <summary>
    /// What the SDL listed after <c>implements</c>, including names of types that are not interfaces
    /// (left out of <see cref="Interfaces"/>), so validation can report them where graphql-js does.
    /// </summary>
    internal Func<IReadOnlyList<NamedType>>? DeclaredInterfaces { get; init; }

    public FieldDefinition? GetField(string name) => _fields.Value.GetValueOrDefault(name);

    internal override void Complete()
    {
        foreach (var field in _fields.Value.Values)
        {
            field.DeclaringType = this;
        }

        _ = _interfaces.Value;
    }

    private static OrderedDictionary<string, FieldDefinition> ToMap(IEnumerable<FieldDefinition> fields)
    {
        var map = new OrderedDictionary<string, FieldDefinition>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            // The SDL builder reports duplicates before getting here; for code-first, the last one wins
            // would hide a mistake, so keep the first and let validation of names catch the rest.
            map.TryAdd(field.Name, field);
        }

        return map;
    }
}
