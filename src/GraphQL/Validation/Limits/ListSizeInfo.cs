using System.Globalization;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Validation.Limits;

/// <summary>An applied <c>@listSize</c>, read from its literal arguments.</summary>
internal sealed record ListSizeInfo(int? AssumedSize, IReadOnlyList<string> SlicingArguments, IReadOnlyList<string> SizedFields)
{
    public static ListSizeInfo Of(DirectiveNode directive)
    {
        int? assumedSize = null;
        IReadOnlyList<string> slicingArguments = [];
        IReadOnlyList<string> sizedFields = [];
        foreach (var argument in directive.Arguments)
        {
            switch (argument.Name.Value)
            {
                case "assumedSize" when argument.Value is IntValueNode size
                    && int.TryParse(size.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                    && parsed >= 0:
                    assumedSize = parsed;
                    break;
                case "slicingArguments":
                    slicingArguments = Strings(argument.Value);
                    break;
                case "sizedFields":
                    sizedFields = Strings(argument.Value);
                    break;
            }
        }

        return new ListSizeInfo(assumedSize, slicingArguments, sizedFields);
    }

    // A single string where a list is expected is a list of one (spec 3.11, input coercion of lists).
    private static string[] Strings(ValueNode value) => value switch
    {
        ListValueNode list => [.. list.Values.OfType<StringValueNode>().Select(s => s.Value)],
        StringValueNode single => [single.Value],
        _ => [],
    };
}
