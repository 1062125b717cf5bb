using Voting.GraphQL.Language;
using Voting.GraphQL.Types;
using Voting.GraphQL.Validation.Limits;

namespace Voting.GraphQL.Tests.Validation.Limits;

public sealed class CostAnalyzerTests
{
    private static double Cost(string query, IReadOnlyDictionary<string, object?>? variables = null, LimitOptions? options = null, string? operationName = null) =>
        CostAnalyzer.Compute(CostSchema.Instance, Parser.Parse(query), operationName, variables, options);

    [Fact]
    public void The_cost_specification_example_weighs_users_once_and_each_age_twice() =>
        // users: 1 (an object list), then 5 users of age 2.
        Assert.Equal(11, Cost("query Example { users(max: 5) { age name } }"));

    [Fact]
    public void HotChocolates_connection_example_multiplies_the_sized_fields_selections() =>
        // books 10; edges 1 (the connection is one object); 50 × (node 1 + author 1).
        Assert.Equal(111, Cost("{ books(first: 50) { edges { node { title author { name } } } totalCount } }"));

    [Fact]
    public void Scalars_and_enums_cost_nothing_objects_one() => Assert.Equal(1, Cost("{ tags node { id } }"));

    [Fact]
    public void A_type_weight_applies_to_fields_of_that_type_unless_the_field_has_its_own() =>
        Assert.Equal(7 + 2 + 0.5, Cost("{ expensive { value } grade cheap { value } }"));

    [Fact]
    public void A_list_without_list_size_has_the_default_size() =>
        // everyone: 1 + 10 × (friends: 1 + 2 × (age 2)).
        Assert.Equal(51, Cost("{ everyone { friends { age } } }"));

    [Fact]
    public void The_default_list_size_is_configurable() =>
        Assert.Equal(1 + (4 * 5), Cost("{ everyone { friends { age } } }", options: new LimitOptions { DefaultListSize = 4 }));

    [Fact]
    public void An_assumed_size_sizes_the_list() => Assert.Equal(1 + (3 * 2), Cost("{ limited { age } }"));

    [Fact]
    public void A_given_slicing_argument_wins_over_its_default_and_the_assumed_size() =>
        Assert.Equal(1 + (2 * 2), Cost("{ paged(first: 2) { age } }"));

    [Fact]
    public void A_slicing_argument_left_out_takes_its_default() => Assert.Equal(1 + (7 * 2), Cost("{ paged { age } }"));

    [Fact]
    public void A_slicing_argument_given_as_null_counts_as_left_out() => Assert.Equal(1 + (7 * 2), Cost("{ paged(first: null) { age } }"));

    [Fact]
    public void A_variable_is_the_assumed_size_while_the_variables_are_unknown() =>
        Assert.Equal(1 + (100 * 2), Cost("query ($n: Int) { paged(first: $n) { age } }"));

    [Fact]
    public void A_variable_takes_its_value_when_the_variables_are_known() =>
        Assert.Equal(1 + (4 * 2), Cost("query ($n: Int) { paged(first: $n) { age } }", new Dictionary<string, object?> { ["n"] = 4 }));

    [Fact]
    public void A_variable_left_out_takes_its_default_then_the_arguments() =>
        Assert.Equal(
            [1 + (6 * 2), 1 + (7 * 2)],
            [
                Cost("query ($n: Int = 6) { paged(first: $n) { age } }", new Dictionary<string, object?>()),
                Cost("query ($n: Int) { paged(first: $n) { age } }", new Dictionary<string, object?>()),
            ]);

    [Fact]
    public void A_slicing_argument_can_be_an_input_field() =>
        Assert.Equal(
            [1 + (3 * 2), 1 + (9 * 2)],
            [
                Cost("{ filtered(filter: { max: 3 }) { age } }"),
                Cost("query ($f: Filter) { filtered(filter: $f) { age } }", new Dictionary<string, object?> { ["f"] = new Dictionary<string, object?> { ["max"] = 9L } }),
            ]);

    [Fact]
    public void Of_several_slicing_arguments_the_largest_counts() =>
        // books 10; nodes 1 + 8 × author 1.
        Assert.Equal(19, Cost("{ books(first: 3, last: 8) { nodes { author { id } } } }"));

    [Fact]
    public void Arguments_and_input_fields_given_add_their_weights() =>
        // search 1 + term 4 + two filters with deep 3 each; one user of age 2.
        Assert.Equal(1 + 4 + 6 + 2, Cost("{ search(term: \"x\", filters: [{ deep: true }, { deep: false, max: 1 }]) { age } }"));

    [Fact]
    public void A_union_costs_its_most_expensive_member() =>
        // pet 1 + Cat's toys (1 + 5 × owner 1); Dog's name costs nothing.
        Assert.Equal(7, Cost("{ pet { ... on Cat { toys { owner { id } } } ... on Dog { name } } }"));

    [Fact]
    public void Fragments_on_the_same_member_add_up() =>
        Assert.Equal(1 + 6 + 6, Cost("""
            { pet { ... on Cat { a: toys { owner { id } } } ...CatToys } }
            fragment CatToys on Cat { b: toys { owner { id } } }
            """));

    [Fact]
    public void An_interface_costs_its_most_expensive_implementation() =>
        // Book's author 1 beats User's friends (1 + 2 × 0).
        Assert.Equal(1 + 1, Cost("{ node { id ... on Book { author { id } } ... on User { friends { id } } } }"));

    [Fact]
    public void Fragments_count_where_they_are_spread() =>
        Assert.Equal((1 + (2 * 2)) + (1 + (3 * 2)), Cost("""
            { a: users(max: 2) { ...Age } b: users(max: 3) { ...Age } }
            fragment Age on User { age }
            """));

    [Fact]
    public void Introspection_costs_nothing() =>
        Assert.Equal(0, Cost(LimitHarness.BenchmarkDocument("introspection.graphql")));

    [Fact]
    public void A_fragment_cycle_ends() =>
        // users 1 + 1 × (friends 1 + 2 × nothing more).
        Assert.Equal(2, Cost("""
            { users(max: 1) { ...A } }
            fragment A on User { friends { ...A } }
            """));

    [Fact]
    public void A_cost_too_large_for_a_double_stops_at_the_largest_double()
    {
        Assert.Equal(double.MaxValue, Cost(CostSchema.FortyOneNestedLists, options: new LimitOptions { DefaultListSize = int.MaxValue }));
    }

    [Fact]
    public void The_operation_is_chosen_by_name()
    {
        const string document = "query A { expensive { value } } query B { grade }";
        Assert.Equal([7, 2], [Cost(document, operationName: "A"), Cost(document, operationName: "B")]);
        Assert.Throws<ArgumentException>(() => Cost(document));
        Assert.Throws<ArgumentException>(() => Cost(document, operationName: "C"));
    }

    [Fact]
    public void A_hand_built_field_can_apply_the_directives()
    {
        var item = new ObjectType("Item", () => [new FieldDefinition("price", Scalars.Int) { AppliedDirectives = [CostDirectives.ApplyCost(3)] }]);
        var query = new ObjectType("Query", () =>
        [
            new FieldDefinition("items", new ListType(item))
            {
                Arguments = [new ArgumentDefinition("take", Scalars.Int)],
                AppliedDirectives = [CostDirectives.ApplyListSize(assumedSize: 20, slicingArguments: ["take"])],
            },
        ]);
        var schema = new Schema(new SchemaConfig { Query = query, Directives = [.. Directives.Specified, .. CostDirectives.All] });
        Assert.Equal(
            [1 + (20 * 3), 1 + (4 * 3)],
            [
                CostAnalyzer.Compute(schema, Parser.Parse("{ items { price } }")),
                CostAnalyzer.Compute(schema, Parser.Parse("{ items(take: 4) { price } }")),
            ]);
    }
}
