using System.Globalization;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Validation.Differential;

/// <summary>
/// Builds random, mostly valid documents over a schema from a seeded <see cref="Random"/>: selections with
/// aliases, arguments of every literal kind or bound to variables (some with defaults), inline fragments on
/// abstract types, named fragments, @skip/@include and the schema's custom directives.
/// </summary>
internal sealed class DocumentGenerator(Schema schema, Random random)
{
    private const int MaxDepth = 4;
    private GeneratedDocument _document = new();
    private Operation _operation = new("query", null);
    private int _variables;

    public GeneratedDocument Next()
    {
        _document = new GeneratedDocument();
        _variables = 0;
        int operations = Chance(0.15) ? 2 : 1;
        for (int i = 0; i < operations; i++)
        {
            int kind = random.Next(10);
            var (keyword, root) = kind < 7 ? ("query", schema.QueryType!) : kind < 9 ? ("mutation", schema.MutationType!) : ("subscription", schema.SubscriptionType!);
            string? name = operations > 1 || Chance(0.6) ? $"{char.ToUpperInvariant(keyword[0])}{keyword[1..]}{_document.Operations.Count + 1}" : null;
            _operation = new Operation(keyword, name);
            _document.Operations.Add(_operation);
            if (keyword == "query" && Chance(0.15))
            {
                _operation.Directives.Add(Chance(0.5) ? "@cached(ttl: 30)" : "@trace(label: \"op\")");
            }
            else if (keyword != "query" && Chance(0.1))
            {
                _operation.Directives.Add("@trace(label: \"root\")");
            }

            _operation.Children.AddRange(SelectionSet(root, keyword == "subscription" ? 1 : random.Next(1, 4), 0));
        }

        return _document;
    }

    private bool Chance(double p) => random.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private List<Selection> SelectionSet(NamedType type, int count, int depth)
    {
        var selections = new List<Selection>();
        var complex = type as ComplexType;
        for (int i = 0; i < count; i++)
        {
            int roll = random.Next(100);
            if (complex is not null && (roll < 70 || depth >= MaxDepth))
            {
                selections.Add(Field(complex, depth));
            }
            else if (roll < 80 && type is ComplexType or UnionType && depth < MaxDepth)
            {
                selections.Add(Inline(type, depth));
            }
            else if (roll < 92 && depth < MaxDepth)
            {
                selections.Add(Spread(type, depth));
            }
            else
            {
                selections.Add(new FieldSelection("__typename"));
            }
        }

        return selections;
    }

    private FieldSelection Field(ComplexType type, int depth)
    {
        var definition = Pick(type.Fields.Values.ToList());
        var field = new FieldSelection(definition.Name);
        if (Chance(0.2))
        {
            field.Alias = Pick(["a", "b", "first", "item", definition.Name + "Alias"]);
        }

        foreach (var argument in definition.Arguments)
        {
            if (argument.IsRequired || Chance(0.4))
            {
                field.Arguments.Add(new Argument(argument.Name, Value(argument.Type, argument.HasDefaultValue, 0), argument.IsRequired));
            }
        }

        if (Chance(0.12))
        {
            field.Directives.Add(Condition());
        }

        if (Chance(0.06))
        {
            field.Directives.Add(Pick(["@cached", "@cached(ttl: 5, scope: PRIVATE)", "@trace(label: \"f\")", "@mask", "@mask(kind: PARTIAL, keep: [1, 2])"]));
        }

        var named = Unwrap(definition.Type);
        if (named is ComplexType or UnionType)
        {
            field.Children = depth >= MaxDepth
                ? [new FieldSelection(named is ComplexType ? "id" : "__typename")]
                : SelectionSet(named, random.Next(1, 4), depth + 1);
            if (named is ComplexType complex && complex.GetField("id") is null && field.Children.All(c => c is FieldSelection { Name: "id" }))
            {
                field.Children = [new FieldSelection("__typename")];
            }
        }

        return field;
    }

    private InlineFragment Inline(NamedType type, int depth)
    {
        string? condition = type switch
        {
            _ when Chance(0.15) => null,
            UnionType union => Pick(union.Types).Name,
            InterfaceType iface => Pick([iface.Name, .. schema.GetPossibleTypes(iface).Select(t => t.Name)]),
            _ => type.Name,
        };
        var inline = new InlineFragment(condition);
        if (Chance(0.2))
        {
            inline.Directives.Add(Chance(0.5) ? Condition() : "@trace(label: \"inline\")");
        }

        inline.Children.AddRange(SelectionSet(condition is null ? type : schema.GetType(condition)!, random.Next(1, 3), depth + 1));
        return inline;
    }

    private FragmentSpread Spread(NamedType type, int depth)
    {
        var existing = _document.Fragments.Where(f => f.TypeCondition == type.Name).ToList();
        FragmentDefinition fragment;
        if (existing.Count > 0 && Chance(0.5))
        {
            fragment = Pick(existing);
        }
        else
        {
            string condition = type switch
            {
                UnionType union when Chance(0.5) => Pick(union.Types).Name,
                InterfaceType iface when Chance(0.4) => Pick(schema.GetPossibleTypes(iface)).Name,
                _ => type.Name,
            };
            fragment = new FragmentDefinition($"{condition}Fields{_document.Fragments.Count + 1}", condition);
            if (Chance(0.1))
            {
                fragment.Directives.Add("@fragmentTag(name: \"t\")");
            }

            _document.Fragments.Add(fragment);
            fragment.Children.AddRange(SelectionSet(schema.GetType(condition)!, random.Next(1, 3), depth + 1));
        }

        var spread = new FragmentSpread(fragment.Name);
        if (Chance(0.15))
        {
            spread.Directives.Add(Chance(0.5) ? Condition() : "@trace(label: \"spread\")");
        }

        return spread;
    }

    private string Condition()
    {
        string directive = Chance(0.5) ? "@skip" : "@include";
        string value = Chance(0.5) ? (Chance(0.5) ? "true" : "false") : Variable(new NonNullType(Scalars.Boolean), false);
        return $"{directive}(if: {value})";
    }

    private string Variable(GraphQLType type, bool hasDefault)
    {
        string name = $"v{++_variables}";
        string typeText = type.ToString();
        string? defaultValue = null;
        if (type is NonNullType nonNull && (hasDefault || Chance(0.15)) && Chance(0.5))
        {
            // A nullable variable with a default may flow into a non-null position.
            typeText = nonNull.OfType.ToString();
            defaultValue = Value(nonNull.OfType, false, 2, allowNull: false);
        }
        else if (type is not NonNullType && Chance(0.3))
        {
            defaultValue = Value(type, false, 2);
        }

        _operation.Variables.Add(new VariableDefinition(name, typeText, defaultValue, Chance(0.05) ? "@sensitive" : null));
        return "$" + name;
    }

    private string Value(GraphQLType type, bool hasDefault, int depth, bool allowNull = true)
    {
        if (depth == 0 && Chance(0.2))
        {
            return Variable(type, hasDefault);
        }

        if (type is NonNullType nonNull)
        {
            return Value(nonNull.OfType, false, depth + 1, allowNull: false);
        }

        if (allowNull && Chance(0.08))
        {
            return "null";
        }

        switch (type)
        {
            case ListType list:
                if (Chance(0.3))
                {
                    return Value(list.OfType, false, depth + 1);
                }

                return "[" + string.Join(", ", Enumerable.Range(0, random.Next(0, 4)).Select(_ => Value(list.OfType, false, depth + 1))) + "]";
            case EnumType enumType:
                return Pick(enumType.Values).Name;
            case InputObjectType input:
                var fields = input.Fields.Values.ToList();
                if (input.IsOneOf)
                {
                    var one = Pick(fields);
                    return $"{{{one.Name}: {Value(one.Type, false, depth + 1, allowNull: false)}}}";
                }

                var chosen = fields.Where(f => f.IsRequired || (depth < 4 && Chance(0.4))).ToList();
                return "{" + string.Join(", ", chosen.Select(f => $"{f.Name}: {Value(f.Type, false, depth + 1)}")) + "}";
            case NamedType scalar:
                return scalar.Name switch
                {
                    "Int" => random.Next(-1000, 1000).ToString(CultureInfo.InvariantCulture),
                    "Float" => Chance(0.5) ? random.Next(0, 100).ToString(CultureInfo.InvariantCulture) : (random.Next(0, 10000) / 100.0).ToString("0.0#", CultureInfo.InvariantCulture),
                    "Boolean" => Chance(0.5) ? "true" : "false",
                    "ID" => Chance(0.5) ? "\"id-" + random.Next(100) + "\"" : random.Next(100).ToString(CultureInfo.InvariantCulture),
                    "String" => Chance(0.9) ? "\"text " + random.Next(100) + "\"" : "\"\"\"block\"\"\"",
                    _ => Pick(["\"2025-09-01T00:00:00Z\"", "1700000000", "{at: 1}", "[1, 2]"]),
                };
            default:
                throw new InvalidOperationException("Not an input type: " + type);
        }
    }

    public static NamedType Unwrap(GraphQLType type) => type switch
    {
        NonNullType nonNull => Unwrap(nonNull.OfType),
        ListType list => Unwrap(list.OfType),
        _ => (NamedType)type,
    };
}
