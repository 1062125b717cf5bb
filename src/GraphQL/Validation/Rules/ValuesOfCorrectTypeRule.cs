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
/// Variables inside literals are <see cref="VariablesInAllowedPositionRule"/>'s concern.
/// </summary>
public sealed class ValuesOfCorrectTypeRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterValue(ValueNode node)
    {
        switch (node)
        {
            case ListValueNode:
                // The list's own position: an item type would hide a list given where a scalar is expected.
                if (Context.ParentInputType?.GetNullableType() is not ListType)
                {
                    CheckLeaf(node, Context.ParentInputType);
                    SkipSubtree();
                }

                break;
            case ObjectValueNode obj:
                CheckObject(obj);
                break;
            case NullValueNode:
                if (Context.InputType is NonNullType type)
                {
                    ReportError($"Expected value of type \"{type}\", found {Printer.Print(node)}.", node);
                }

                break;
            default:
                CheckLeaf(node, Context.InputType);
                break;
        }
    }

    public override void EnterObjectField(ObjectFieldNode node)
    {
        if (Context.InputType is null && Context.ParentInputType?.GetNamedType() is InputObjectType parentType)
        {
            var name = node.Name.Value;
            var suggestions = Context.HideSuggestions ? [] : Suggestions.List(name, parentType.Fields.Keys);
            ReportError($"Field \"{name}\" is not defined by type \"{parentType.Name}\"." + Suggestions.DidYouMean(suggestions), node);
        }
    }

    private void CheckObject(ObjectValueNode node)
    {
        if (Context.InputType?.GetNamedType() is not InputObjectType type)
        {
            CheckLeaf(node, Context.InputType);
            SkipSubtree();
            return;
        }

        var given = new Dictionary<string, ObjectFieldNode>(StringComparer.Ordinal);
        foreach (var field in node.Fields)
        {
            given.TryAdd(field.Name.Value, field);
        }

        foreach (var field in type.Fields.Values)
        {
            if (field.IsRequired && !given.ContainsKey(field.Name))
            {
                ReportError($"Field \"{type.Name}.{field.Name}\" of required type \"{field.Type}\" was not provided.", node);
            }
        }

        if (type.IsOneOf)
        {
            if (given.Count != 1)
            {
                ReportError($"OneOf Input Object \"{type.Name}\" must specify exactly one key.", node);
            }
            else if (given.Values.First() is { Value: NullValueNode } only)
            {
                ReportError($"Field \"{type.Name}.{only.Name.Value}\" must be non-null.", node);
            }
        }
    }

    // Scalars and enums decide which literals they accept; anything else given where a leaf, list
    // or input object was expected does not fit.
    private void CheckLeaf(ValueNode node, GraphQLType? locationType)
    {
        if (locationType is null)
        {
            return;
        }

        switch (locationType.GetNamedType())
        {
            case EnumType enumType:
                CheckEnum(node, enumType);
                break;
            case ScalarType scalar:
                try
                {
                    scalar.ParseLiteral(node);
                }
                catch (ValueCoercionException error)
                {
                    ReportError(error.Message, node);
                }
#pragma warning disable CA1031 // A custom scalar may throw anything; the document is what is wrong, and validation must go on.
                catch (Exception error)
#pragma warning restore CA1031
                {
                    ReportError($"Expected value of type \"{locationType}\", found {Printer.Print(node)}; {error.Message}", node);
                }

                break;
            default:
                ReportError($"Expected value of type \"{locationType}\", found {Printer.Print(node)}.", node);
                break;
        }
    }

    // The enum's own messages, with graphql-js's hint at the nearest value names.
    private void CheckEnum(ValueNode node, EnumType type)
    {
        var printed = Printer.Print(node);
        if (node is EnumValueNode enumValue && type.GetValue(enumValue.Value) is not null)
        {
            return;
        }

        var hint = Context.HideSuggestions ? string.Empty : Suggestions.DidYouMean(Suggestions.List(printed, type.Values.Select(v => v.Name)), "the enum value");
        ReportError(
            node is EnumValueNode
                ? $"Value \"{printed}\" does not exist in \"{type.Name}\" enum." + hint
                : $"Enum \"{type.Name}\" cannot represent non-enum value: {printed}." + hint,
            node);
    }
}
