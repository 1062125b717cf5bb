using Voting.GraphQL.Language;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Types;

public sealed class CostDirectivesTests
{
    [Fact]
    public void The_sdl_defines_the_directives_the_definition_objects_do()
    {
        var schema = SchemaBuilder.FromSdl(CostDirectives.Sdl + "type Query { a: Int }").Create();
        foreach (var expected in CostDirectives.All)
        {
            var built = schema.GetDirective(expected.Name)!;
            Assert.Equal(expected.Locations, built.Locations);
            Assert.Equal(
                expected.Arguments.Select(a => (a.Name, a.Type.ToString(), a.DefaultValue is null ? null : Printer.Print(a.DefaultValue))),
                built.Arguments.Select(a => (a.Name, a.Type.ToString(), a.DefaultValue is null ? null : Printer.Print(a.DefaultValue))));
            Assert.Equal(expected.IsRepeatable, built.IsRepeatable);
        }
    }

    [Fact]
    public void Applied_directives_print_as_sdl_writes_them() => Assert.Equal(
        [
            "@cost(weight: \"2.5\")",
            "@listSize(assumedSize: 50, slicingArguments: [\"first\", \"last\"], sizedFields: [\"edges\"], requireOneSlicingArgument: false)",
            "@listSize",
        ],
        [
            Printer.Print(CostDirectives.ApplyCost(2.5)),
            Printer.Print(CostDirectives.ApplyListSize(50, ["first", "last"], ["edges"], requireOneSlicingArgument: false)),
            Printer.Print(CostDirectives.ApplyListSize()),
        ]);

    [Fact]
    public void Weights_and_sizes_below_zero_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CostDirectives.ApplyCost(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CostDirectives.ApplyCost(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => CostDirectives.ApplyListSize(assumedSize: -1));
    }
}
