using System.Text;
using Voting.GraphQL.Language;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>
/// Prints a schema as SDL exactly as graphql-js's <c>printSchema</c>: the schema definition only
/// when a root type has a non-default name (or the schema a description), then the non-specified
/// directives, then the types in type-map order, without the specified scalars. Unlike graphql-js (and
/// like HotChocolate), directives the schema applies to its types, fields, arguments, enum values and
/// input fields are printed too, except the specified ones it prints in its own way (<c>@deprecated</c>,
/// <c>@specifiedBy</c>, <c>@oneOf</c>): a schema's snapshot then shows <c>@authorize</c>, <c>@cost</c> and the like.
/// </summary>
public static class SchemaPrinter
{
    public static string Print(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var parts = new List<string>();
        if (PrintSchemaDefinition(schema) is { } definition)
        {
            parts.Add(definition);
        }

        parts.AddRange(schema.Directives.Where(d => !Directives.IsSpecified(d)).Select(PrintDirective));
        parts.AddRange(schema.Types.Values.Where(t => !Scalars.IsSpecified(t) && !Introspection.IsIntrospectionType(t)).Select(PrintType));
        return string.Join("\n\n", parts);
    }

    public static string PrintType(NamedType type) => type switch
    {
        ScalarType scalar => PrintDescription(scalar.Description) + "scalar " + scalar.Name + PrintSpecifiedBy(scalar) + PrintApplied(scalar.AppliedDirectives),
        ObjectType obj => PrintDescription(obj.Description) + "type " + obj.Name + PrintImplementedInterfaces(obj) + PrintApplied(obj.AppliedDirectives) + PrintFields(obj),
        InterfaceType iface => PrintDescription(iface.Description) + "interface " + iface.Name + PrintImplementedInterfaces(iface) + PrintApplied(iface.AppliedDirectives) + PrintFields(iface),
        UnionType union => PrintDescription(union.Description) + "union " + union.Name + PrintApplied(union.AppliedDirectives) + (union.Types.Count > 0 ? " = " + string.Join(" | ", union.Types.Select(t => t.Name)) : string.Empty),
        EnumType enumType => PrintDescription(enumType.Description) + "enum " + enumType.Name + PrintApplied(enumType.AppliedDirectives) + PrintBlock(
            enumType.Values.Select((v, i) => PrintDescription(v.Description, "  ", i == 0) + "  " + v.Name + PrintDeprecated(v.DeprecationReason) + PrintApplied(v.AppliedDirectives))),
        InputObjectType input => PrintDescription(input.Description) + "input " + input.Name + (input.IsOneOf ? " @oneOf" : string.Empty) + PrintApplied(input.AppliedDirectives) + PrintBlock(
            input.Fields.Values.Select((f, i) => PrintDescription(f.Description, "  ", i == 0) + "  " + PrintInputValue(f))),
        _ => throw new ArgumentException($"Unexpected type {type}.", nameof(type)),
    };

    private static string? PrintSchemaDefinition(Schema schema)
    {
        if (schema.QueryType is null && schema.MutationType is null && schema.SubscriptionType is null)
        {
            return null;
        }

        if (schema.Description is null && IsSchemaOfCommonNames(schema))
        {
            return null;
        }

        var operations = new List<string>();
        if (schema.QueryType is { } query)
        {
            operations.Add("  query: " + query.Name);
        }

        if (schema.MutationType is { } mutation)
        {
            operations.Add("  mutation: " + mutation.Name);
        }

        if (schema.SubscriptionType is { } subscription)
        {
            operations.Add("  subscription: " + subscription.Name);
        }

        return PrintDescription(schema.Description) + "schema {\n" + string.Join("\n", operations) + "\n}";
    }

    // The schema definition can be left out only if the default names find the root types, and
    // find nothing else: a type named Query that is not the query root needs it too.
    private static bool IsSchemaOfCommonNames(Schema schema) =>
        ReferenceEquals(schema.QueryType, schema.GetType("Query"))
        && ReferenceEquals(schema.MutationType, schema.GetType("Mutation"))
        && ReferenceEquals(schema.SubscriptionType, schema.GetType("Subscription"));

    private static string PrintDirective(DirectiveDefinition directive) =>
        PrintDescription(directive.Description)
        + "directive @" + directive.Name
        + PrintArguments(directive.Arguments)
        + (directive.IsRepeatable ? " repeatable" : string.Empty)
        + " on " + string.Join(" | ", directive.Locations);

    private static string PrintImplementedInterfaces(ComplexType type) =>
        type.Interfaces.Count > 0 ? " implements " + string.Join(" & ", type.Interfaces.Select(i => i.Name)) : string.Empty;

    private static string PrintFields(ComplexType type) => PrintBlock(type.Fields.Values.Select((f, i) =>
        PrintDescription(f.Description, "  ", i == 0) + "  " + f.Name + PrintArguments(f.Arguments, "  ") + ": " + f.Type + PrintDeprecated(f.DeprecationReason) + PrintApplied(f.AppliedDirectives)));

    private static string PrintBlock(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count > 0 ? " {\n" + string.Join("\n", list) + "\n}" : string.Empty;
    }

    // On one line unless an argument has a description, as graphql-js does.
    private static string PrintArguments(IReadOnlyList<ArgumentDefinition> arguments, string indentation = "")
    {
        if (arguments.Count == 0)
        {
            return string.Empty;
        }

        if (arguments.All(a => a.Description is null))
        {
            return "(" + string.Join(", ", arguments.Select(PrintInputValue)) + ")";
        }

        var builder = new StringBuilder("(\n");
        for (var i = 0; i < arguments.Count; i++)
        {
            builder.Append(PrintDescription(arguments[i].Description, "  " + indentation, i == 0))
                .Append("  ").Append(indentation).Append(PrintInputValue(arguments[i]));
            builder.Append(i < arguments.Count - 1 ? "\n" : string.Empty);
        }

        return builder.Append('\n').Append(indentation).Append(')').ToString();
    }

    private static string PrintInputValue(InputValueDefinition value)
    {
        var text = value.Name + ": " + value.Type;
        if (value.DefaultValue is { } defaultValue)
        {
            text += " = " + Printer.Print(defaultValue);
        }

        return text + PrintDeprecated(value.DeprecationReason) + PrintApplied(value.AppliedDirectives);
    }

    // The specified directives are printed from the type system's own properties, so they are left out here.
    private static string PrintApplied(IReadOnlyList<DirectiveNode> directives)
    {
        if (directives.Count == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var directive in directives)
        {
            if (directive.Name.Value is not ("deprecated" or "specifiedBy" or "oneOf"))
            {
                builder.Append(' ').Append(Printer.Print(directive));
            }
        }

        return builder.ToString();
    }

    private static string PrintDeprecated(string? reason) => reason switch
    {
        null => string.Empty,
        Directives.DefaultDeprecationReason => " @deprecated",
        _ => " @deprecated(reason: " + Printer.Print(new StringValueNode { Value = reason }) + ")",
    };

    private static string PrintSpecifiedBy(ScalarType scalar) =>
        scalar.SpecifiedByUrl is null ? string.Empty : " @specifiedBy(url: " + Printer.Print(new StringValueNode { Value = scalar.SpecifiedByUrl }) + ")";

    private static string PrintDescription(string? description, string indentation = "", bool firstInBlock = true)
    {
        if (description is null)
        {
            return string.Empty;
        }

        var literal = Printer.Print(new StringValueNode { Value = description, Block = DescriptionText.IsPrintableAsBlockString(description) });
        var prefix = indentation.Length > 0 && !firstInBlock ? "\n" + indentation : indentation;
        return prefix + literal.Replace("\n", "\n" + indentation, StringComparison.Ordinal) + "\n";
    }
}
