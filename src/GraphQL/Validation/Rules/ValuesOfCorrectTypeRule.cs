using Voting.GraphQL.Language;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Values of Correct Type, Input Object Field Names and Input Object Required Fields (spec 5.6.1,
/// 5.6.2 and 5.6.4, <see href="https://spec.graphql.org/September2025/#sec-Values-of-Correct-Type"/>,
/// <see href="https://spec.graphql.org/September2025/#sec-Input-Object-Field-Names"/>,
/// <see href="https://spec.graphql.org/September2025/#sec-Input-Object-Required-Fields"/>):
/// "For each literal Input Value value in the document: Let type be the type expected in the position
/// value is found. value must be coercible to type (with the assumption that any variableUsage
/// nested within value will represent a runtime value valid for usage in its position)." Also: every
/// field of an input object literal must be defined by its type, every required field must be given,
/// and a OneOf input object literal must give exactly one field, not null (spec 3.10.1).
/// </summary>
/// <remarks>
/// Each outermost literal is checked whole, as graphql-js 17's validateInputLiteral does, so
/// messages can quote the enclosing object. Variables are not known yet; whether they fit their
/// position is <see cref="VariablesInAllowedPositionRule"/>'s concern.
/// </remarks>
public sealed class ValuesOfCorrectTypeRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterValue(ValueNode node)
    {
        // A list stands where its parent position is; TypeInfo has already stepped into its items.
        var type = node is ListValueNode ? Context.ParentInputType : Context.InputType;
        if (type is not null)
        {
            Check(node, type);
        }

        SkipSubtree();
    }

    private void Check(ValueNode node, GraphQLType type)
    {
        switch (node, type)
        {
            case (VariableNode, _):
                return;
            case (NullValueNode, NonNullType):
                ReportError($"Expected value of non-null type \"{type}\" not to be null.", node);
                return;
            case (_, NonNullType nonNull):
                Check(node, nonNull.OfType);
                return;
            case (NullValueNode, _):
                return;
            case (ListValueNode list, ListType listType):
                foreach (var item in list.Values)
                {
                    Check(item, listType.OfType);
                }

                return;
            case (_, ListType listType):
                // A single value where a list is expected is coerced to a list of one (spec 3.11 input coercion).
                Check(node, listType.OfType);
                return;
            case (_, InputObjectType inputObject):
                CheckObject(node, inputObject);
                return;
            case (_, EnumType enumType):
                CheckEnum(node, enumType);
                return;
            case (_, ScalarType scalar):
                CheckScalar(node, scalar);
                return;
        }
    }

    private void CheckObject(ValueNode node, InputObjectType type)
    {
        if (node is not ObjectValueNode obj)
        {
            ReportError($"Expected value of type \"{type}\" to be an object, found: {Printer.Print(node)}.", node);
            return;
        }

        // As in graphql-js, a repeated field name counts once, with its last value (UniqueInputFieldNamesRule reports the repetition).
        var given = obj.Fields.Count > 8 ? new Dictionary<string, ObjectFieldNode>(StringComparer.Ordinal) : null;
        if (given is not null)
        {
            foreach (var field in obj.Fields)
            {
                given[field.Name.Value] = field;
            }
        }

        foreach (var field in type.Fields.Values)
        {
            if ((given is null ? LastNamed(obj.Fields, field.Name) : given.GetValueOrDefault(field.Name)) is { } fieldNode)
            {
                Check(fieldNode.Value, field.Type);
            }
            else if (field.IsRequired)
            {
                ReportError($"Expected value of type \"{type}\" to include required field \"{field.Name}\", found: {Printer.Print(node)}.", node);
            }
        }

        var knownCount = 0;
        ObjectFieldNode? firstKnown = null;
        foreach (var fieldNode in obj.Fields)
        {
            var name = fieldNode.Name.Value;
            if (type.GetField(name) is not null)
            {
                firstKnown ??= fieldNode;
                knownCount++;
                continue;
            }

            var hint = Context.HideSuggestions ? string.Empty : Suggestions.DidYouMean(Suggestions.List(name, type.Fields.Keys));
            ReportError(
                $"Expected value of type \"{type}\" not to include unknown field \"{name}\"" + (hint.Length > 0 ? "." + hint + " Found" : ", found") + $": {Printer.Print(node)}.",
                fieldNode);
        }

        if (type.IsOneOf && (knownCount != 1 || firstKnown!.Value is NullValueNode))
        {
            ReportError($"Within OneOf Input Object type \"{type}\", exactly one field must be specified, and the value for that field must be non-null.", node);
        }
    }

    // A few fields are searched rather than hashed; the last of a repeated name wins, as in a dictionary.
    private static ObjectFieldNode? LastNamed(IReadOnlyList<ObjectFieldNode> fields, string name)
    {
        for (var i = fields.Count - 1; i >= 0; i--)
        {
            if (fields[i].Name.Value == name)
            {
                return fields[i];
            }
        }

        return null;
    }

    // The enum's own messages, with graphql-js's hint at the nearest value names.
    private void CheckEnum(ValueNode node, EnumType type)
    {
        if (node is EnumValueNode enumValue && type.GetValue(enumValue.Value) is not null)
        {
            return;
        }

        var printed = Printer.Print(node);
        var hint = Context.HideSuggestions ? string.Empty : Suggestions.DidYouMean(Suggestions.List(printed, type.Values.Select(v => v.Name)), "the enum value");
        ReportError(
            node is EnumValueNode
                ? $"Value \"{printed}\" does not exist in \"{type.Name}\" enum." + hint
                : $"Enum \"{type.Name}\" cannot represent non-enum value: {printed}." + hint,
            node);
    }

    // Scalars decide which literals they accept; their messages are graphql-js's own.
    private void CheckScalar(ValueNode node, ScalarType scalar)
    {
        try
        {
            scalar.ParseLiteral(node);
        }
        catch (ValueCoercionException error)
        {
            ReportError(error.Message, error.Node ?? node);
        }
#pragma warning disable CA1031 // A custom scalar may throw anything; the document is what is wrong, and validation must go on.
        catch (Exception error)
#pragma warning restore CA1031
        {
            ReportError($"Expected value of type \"{scalar}\", but encountered error \"{error.Message}\"; found: {Printer.Print(node)}.", node);
        }
    }
}
