using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>An enum type; coerces between GraphQL names and CLR values (spec 3.9).</summary>
public sealed class EnumType : NamedType
{
    private readonly OrderedDictionary<string, EnumValueDefinition> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<object, EnumValueDefinition> _byValue = [];

    public EnumType(string name, IEnumerable<EnumValueDefinition> values)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            if (_byName.TryAdd(value.Name, value))
            {
                _byValue.TryAdd(value.Value, value);
            }
        }
    }

    public IReadOnlyList<EnumValueDefinition> Values => _byName.Values;

    public Type? RuntimeType { get; init; }

    public EnumValueDefinition? GetValue(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Result coercion: the name of the enum value whose CLR value this is.</summary>
    public string Serialize(object? value)
    {
        if (value is not null && _byValue.TryGetValue(value, out var definition))
        {
            return definition.Name;
        }

        // A resolver may return the name itself (SDL-first schemas have no CLR enum).
        if (value is string name && _byName.ContainsKey(name))
        {
            return name;
        }

        throw new ValueCoercionException($"Enum \"{Name}\" cannot represent value: {Inspector.Inspect(value)}");
    }

    /// <summary>Input coercion of a variable value, which arrives as the name.</summary>
    public object ParseValue(object? value)
    {
        if (value is not string name)
        {
            throw new ValueCoercionException($"Enum \"{Name}\" cannot represent non-string value: {Inspector.Inspect(value)}." + DidYouMean(Inspector.Inspect(value)));
        }

        return _byName.TryGetValue(name, out var definition)
            ? definition.Value
            : throw new ValueCoercionException($"Value \"{name}\" does not exist in \"{Name}\" enum." + DidYouMean(name));
    }

    public object ParseLiteral(ValueNode literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        if (literal is not EnumValueNode node)
        {
            var printed = ValuePrinter.Print(literal);
            throw new ValueCoercionException($"Enum \"{Name}\" cannot represent non-enum value: {printed}." + DidYouMean(printed), literal);
        }

        return _byName.TryGetValue(node.Value, out var definition)
            ? definition.Value
            : throw new ValueCoercionException($"Value \"{node.Value}\" does not exist in \"{Name}\" enum." + DidYouMean(node.Value), literal);
    }

    private string DidYouMean(string unknown) => Suggestions.DidYouMean(Suggestions.List(unknown, _byName.Keys), "the enum value");
}
