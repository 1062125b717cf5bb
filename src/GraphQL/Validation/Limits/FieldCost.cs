using System.Globalization;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Validation.Limits;

/// <summary>
/// What the cost directives applied to a field definition say, read once per definition: its weight
/// (its own <c>@cost</c>, else its type's, else the spec's default of 1 for composite types and 0 for
/// scalars and enums) and its <c>@listSize</c>. A weight that is not a number of zero or more is left
/// out, as if the directive were not there.
/// </summary>
internal sealed class FieldCost
{
    private FieldCost(double weight, ListSizeInfo? listSize)
    {
        Weight = weight;
        ListSize = listSize;
    }

    public double Weight { get; }

    public ListSizeInfo? ListSize { get; }

    public static FieldCost Of(FieldDefinition definition)
    {
        var type = definition.Type.GetNamedType();
        var weight = WeightOf(definition.AppliedDirectives) ?? WeightOf(type.AppliedDirectives) ?? (type.IsCompositeType() ? 1 : 0);
        var listSize = definition.AppliedDirectives.FirstOrDefault(d => d.Name.Value == CostDirectives.ListSizeName);
        return new FieldCost(weight, listSize is null ? null : ListSizeInfo.Of(listSize));
    }

    /// <summary>The weight of an applied <c>@cost</c> among the directives, if any.</summary>
    public static double? WeightOf(IReadOnlyList<DirectiveNode> directives)
    {
        foreach (var directive in directives)
        {
            if (directive.Name.Value == CostDirectives.CostName
                && directive.Arguments.FirstOrDefault(a => a.Name.Value == "weight")?.Value is StringValueNode { Value: var text }
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight)
                && double.IsFinite(weight)
                && weight >= 0)
            {
                return weight;
            }
        }

        return null;
    }
}
