using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Field Selections (spec 5.3.1,
/// <see href="https://spec.graphql.org/September2025/#sec-Field-Selections"/>):
/// "For each selection in the document: Let fieldName be the target field of selection. fieldName
/// must be defined on type in scope." The hint prefers an inline fragment on the types that do
/// define the field when the parent is abstract, and otherwise similarly named fields.
/// </summary>
public sealed class FieldsOnCorrectTypeRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterField(FieldNode node)
    {
        if (Context.ParentType is not { } type || Context.FieldDefinition is not null)
        {
            return;
        }

        var fieldName = node.Name.Value;
        var hint = string.Empty;
        if (!Context.HideSuggestions)
        {
            var typeNames = SuggestedTypeNames(type, fieldName);
            hint = typeNames.Count > 0
                ? Suggestions.DidYouMean(typeNames, "to use an inline fragment on")
                : Suggestions.DidYouMean(type is ComplexType complex ? Suggestions.List(fieldName, complex.Fields.Keys) : []);
        }

        ReportError($"Cannot query field \"{fieldName}\" on type \"{type.Name}\"." + hint, node);
    }

    // The object types (and their interfaces) under an abstract type that define the field, the most
    // widely shared first, interfaces before the types implementing them.
    private List<string> SuggestedTypeNames(NamedType type, string fieldName)
    {
        if (!type.IsAbstractType())
        {
            return [];
        }

        var schema = Context.Schema;
        var suggested = new List<ComplexType>();
        var usage = new Dictionary<ComplexType, int>();
        foreach (var possible in schema.GetPossibleTypes(type))
        {
            if (possible.GetField(fieldName) is null)
            {
                continue;
            }

            if (usage.TryAdd(possible, 1))
            {
                suggested.Add(possible);
            }

            foreach (var iface in possible.Interfaces)
            {
                if (iface.GetField(fieldName) is null)
                {
                    continue;
                }

                if (usage.TryAdd(iface, 1))
                {
                    suggested.Add(iface);
                }
                else
                {
                    usage[iface]++;
                }
            }
        }

        suggested.Sort((a, b) =>
        {
            var diff = usage[b] - usage[a];
            if (diff != 0)
            {
                return diff;
            }

            if (a is InterfaceType && schema.IsSubType(a, b))
            {
                return -1;
            }

            if (b is InterfaceType && schema.IsSubType(b, a))
            {
                return 1;
            }

            return Suggestions.NaturalCompare(a.Name, b.Name);
        });
        return [.. suggested.Select(t => t.Name)];
    }
}
