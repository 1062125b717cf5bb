using System.Globalization;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>
/// The directives of the GraphQL Cost Directives specification
/// (<see href="https://ibm.github.io/graphql-specs/cost-spec.html"/>), as HotChocolate defines them:
/// <c>@cost</c> gives a type, field, argument or input field a weight, <c>@listSize</c> tells the cost
/// analysis how long a list field's result is. A schema that uses them includes the definitions, code
/// first through <see cref="SchemaBuilder.AddDirective"/> and in SDL by prepending <see cref="Sdl"/>.
/// </summary>
public static class CostDirectives
{
    /// <summary>
    /// The definitions in SDL (without the descriptions the definition objects carry), to prepend to a
    /// schema document that applies the directives.
    /// </summary>
    public const string Sdl = """
        directive @cost(weight: String!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR

        directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION

        """;

    public const string CostName = "cost";

    public const string ListSizeName = "listSize";

    /// <summary><c>@cost(weight: String!)</c>: the weight is a string so that it can hold a decimal ("2.5") exactly as written.</summary>
    public static DirectiveDefinition Cost { get; } = new(
        CostName,
        [DirectiveLocation.ARGUMENT_DEFINITION, DirectiveLocation.ENUM, DirectiveLocation.FIELD_DEFINITION, DirectiveLocation.INPUT_FIELD_DEFINITION, DirectiveLocation.OBJECT, DirectiveLocation.SCALAR])
    {
        Description = "The purpose of the `cost` directive is to define a `weight` for GraphQL types, fields, and arguments. Static analysis can use these weights when calculating the overall cost of a query or response.",
        Arguments =
        [
            new ArgumentDefinition("weight", new NonNullType(Scalars.String))
            {
                Description = "The `weight` argument defines what value to add to the overall cost for every appearance, or possible appearance, of a type, field, argument, etc.",
            },
        ],
    };

    /// <summary><c>@listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true)</c>.</summary>
    public static DirectiveDefinition ListSize { get; } = new(ListSizeName, [DirectiveLocation.FIELD_DEFINITION])
    {
        Description = "The purpose of the `@listSize` directive is to either inform the static analysis about the size of returned lists (if that information is statically available), or to point the analysis to where to find that information.",
        Arguments =
        [
            new ArgumentDefinition("assumedSize", Scalars.Int)
            {
                Description = "The `assumedSize` argument can be used to statically define the maximum length of a list returned by a field.",
            },
            new ArgumentDefinition("slicingArguments", new ListType(new NonNullType(Scalars.String)))
            {
                Description = "The `slicingArguments` argument can be used to define which of the field's arguments with numeric type are slicing arguments, so that their value determines the size of the list returned by that field. It may specify a list of multiple slicing arguments.",
            },
            new ArgumentDefinition("sizedFields", new ListType(new NonNullType(Scalars.String)))
            {
                Description = "The `sizedFields` argument can be used to define that the value of the `assumedSize` argument or of a slicing argument does not affect the size of a list returned by a field itself, but that of a list returned by one of its sub-fields.",
            },
            new ArgumentDefinition("requireOneSlicingArgument", Scalars.Boolean)
            {
                Description = "The `requireOneSlicingArgument` argument can be used to inform the static analysis that it should expect that exactly one of the defined slicing arguments is present in a query.",
                DefaultValue = new BooleanValueNode { Value = true },
            },
        ],
    };

    /// <summary>Both definitions, to add to a code-first schema.</summary>
    public static IReadOnlyList<DirectiveDefinition> All { get; } = [Cost, ListSize];

    /// <summary><c>@cost(weight: "…")</c> as applied in SDL, for a hand-built type, field, argument or input field's <c>AppliedDirectives</c>.</summary>
    public static DirectiveNode ApplyCost(double weight)
    {
        if (!double.IsFinite(weight) || weight < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "A cost weight is a finite number, zero or more.");
        }

        return Apply(CostName, ("weight", new StringValueNode { Value = weight.ToString(CultureInfo.InvariantCulture) }));
    }

    /// <summary><c>@listSize(…)</c> as applied in SDL, for a hand-built field's <c>AppliedDirectives</c>; null arguments are left out.</summary>
    public static DirectiveNode ApplyListSize(
        int? assumedSize = null,
        IReadOnlyList<string>? slicingArguments = null,
        IReadOnlyList<string>? sizedFields = null,
        bool requireOneSlicingArgument = true)
    {
        if (assumedSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(assumedSize), assumedSize, "An assumed list size is zero or more.");
        }

        var arguments = new List<(string, ValueNode)>();
        if (assumedSize is { } size)
        {
            arguments.Add(("assumedSize", new IntValueNode { Value = size.ToString(CultureInfo.InvariantCulture) }));
        }

        if (slicingArguments is not null)
        {
            arguments.Add(("slicingArguments", Strings(slicingArguments)));
        }

        if (sizedFields is not null)
        {
            arguments.Add(("sizedFields", Strings(sizedFields)));
        }

        if (!requireOneSlicingArgument)
        {
            arguments.Add(("requireOneSlicingArgument", new BooleanValueNode { Value = false }));
        }

        return Apply(ListSizeName, [.. arguments]);
    }

    private static ListValueNode Strings(IReadOnlyList<string> values) =>
        new() { Values = [.. values.Select(v => (ValueNode)new StringValueNode { Value = v })] };

    private static DirectiveNode Apply(string name, params (string Name, ValueNode Value)[] arguments) => new()
    {
        Name = new NameNode { Value = name },
        Arguments = [.. arguments.Select(a => new ArgumentNode { Name = new NameNode { Value = a.Name }, Value = a.Value })],
    };
}
