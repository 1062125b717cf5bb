namespace Voting.GraphQL.Types;

public sealed class InputObjectType : NamedType
{
    private readonly Lazy<OrderedDictionary<string, InputFieldDefinition>> _fields;

    public InputObjectType(string name, Func<IEnumerable<InputFieldDefinition>> fields)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = new Lazy<OrderedDictionary<string, InputFieldDefinition>>(() =>
        {
            var map = new OrderedDictionary<string, InputFieldDefinition>(StringComparer.Ordinal);
            foreach (var field in fields())
            {
                map.TryAdd(field.Name, field);
            }

            return map;
        });
    }

    public InputObjectType(string name, IEnumerable<InputFieldDefinition> fields)
        : this(name, () => fields)
    {
    }

    public IReadOnlyDictionary<string, InputFieldDefinition> Fields => _fields.Value;

    /// <summary>A OneOf input object: exactly one field must be given, and it must not be null (spec 3.10.1).</summary>
    public bool IsOneOf { get; init; }

    /// <summary>
    /// Builds the CLR value from the coerced field map (code-first records and classes); null means
    /// the executor hands resolvers the <see cref="IReadOnlyDictionary{TKey, TValue}"/> itself.
    /// </summary>
    public Func<IReadOnlyDictionary<string, object?>, object>? CreateRuntimeValue { get; init; }

    public Type? RuntimeType { get; init; }

    public InputFieldDefinition? GetField(string name) => _fields.Value.GetValueOrDefault(name);

    internal override void Complete() => _ = _fields.Value;
}
