using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class OverlappingFieldsCanBeMergedRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new OverlappingFieldsCanBeMergedRule(c);

    private const string Alias = " Use different aliases on the fields to fetch both if this was intentional.";

    [Fact]
    public void Unique_fields() => ExpectValid(Rule, "fragment uniqueFields on Dog { name nickname }");

    [Fact]
    public void Identical_fields() => ExpectValid(Rule, "fragment mergeIdenticalFields on Dog { name name }");

    [Fact]
    public void Identical_fields_with_identical_args() => ExpectValid(Rule, "fragment f on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: SIT) }");

    [Fact]
    public void Identical_fields_with_identical_directives() => ExpectValid(Rule, "fragment f on Dog { name @include(if: true) name @include(if: true) }");

    [Fact]
    public void Different_args_with_different_aliases() => ExpectValid(Rule, "fragment f on Dog { knowsSit: doesKnowCommand(dogCommand: SIT) knowsDown: doesKnowCommand(dogCommand: DOWN) }");

    [Fact]
    public void Different_directives_with_different_aliases() => ExpectValid(Rule, "fragment f on Dog { nameIfTrue: name @include(if: true) nameIfFalse: name @include(if: false) }");

    [Fact]
    public void Different_skip_include_directives_accepted() => ExpectValid(Rule, "fragment f on Dog { name @include(if: true) name @include(if: false) }");

    [Fact]
    public void Object_field_order_in_arguments_does_not_matter() => ExpectValid(Rule, """
        { complicatedArgs {
          complexArgField(complexArg: { requiredField: true, intField: 1 })
          complexArgField(complexArg: { intField: 1, requiredField: true })
        } }
        """);

    [Fact]
    public void Same_aliases_with_different_field_targets() => ExpectErrors(Rule, "fragment sameAliasesWithDifferentFieldTargets on Dog { fido: name fido: nickname }",
        Error("Fields \"fido\" conflict because \"name\" and \"nickname\" are different fields." + Alias, (1, 56), (1, 67)));

    [Fact]
    public void Conflict_inside_an_inline_fragment_is_reported_once() => ExpectErrors(Rule, "{ dog { ... on Dog { name: nickname name } } }",
        Error("Fields \"name\" conflict because \"nickname\" and \"name\" are different fields." + Alias, (1, 22), (1, 37)));

    [Fact]
    public void Fragment_reached_through_another_fragment_is_compared_with_the_fields_once() => ExpectErrors(Rule,
        "{ dog { name ...G ...F } } fragment G on Dog { ...F } fragment F on Dog { name: nickname }",
        Error("Fields \"name\" conflict because \"name\" and \"nickname\" are different fields." + Alias, (1, 9), (1, 75)));

    [Fact]
    public void Same_aliases_allowed_on_non_overlapping_fields() => ExpectValid(Rule, """
        fragment sameAliasesWithDifferentFieldTargets on Pet {
          ... on Dog { name }
          ... on Cat { name: nickname }
        }
        """);

    [Fact]
    public void Alias_masking_direct_field_access() => ExpectErrors(Rule, "fragment aliasMaskingDirectFieldAccess on Dog { name: nickname name }",
        Error("Fields \"name\" conflict because \"nickname\" and \"name\" are different fields." + Alias, (1, 49), (1, 64)));

    [Fact]
    public void Different_args_second_adds_an_argument() => ExpectErrors(Rule, "fragment f on Dog { doesKnowCommand doesKnowCommand(dogCommand: HEEL) }",
        Error("Fields \"doesKnowCommand\" conflict because they have differing arguments." + Alias, (1, 21), (1, 37)));

    [Fact]
    public void Different_args_second_missing_an_argument() => ExpectErrors(Rule, "fragment f on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand }",
        Error("Fields \"doesKnowCommand\" conflict because they have differing arguments." + Alias, (1, 21), (1, 54)));

    [Fact]
    public void Conflicting_arg_values() => ExpectErrors(Rule, "fragment f on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: HEEL) }",
        Error("Fields \"doesKnowCommand\" conflict because they have differing arguments." + Alias, (1, 21), (1, 54)));

    [Fact]
    public void Conflicting_arg_names() => ExpectErrors(Rule, "fragment f on Dog { isAtLocation(x: 0) isAtLocation(y: 0) }",
        Error("Fields \"isAtLocation\" conflict because they have differing arguments." + Alias, (1, 21), (1, 40)));

    [Fact]
    public void Allows_different_args_where_no_conflict_is_possible() => ExpectValid(Rule, """
        fragment conflictingArgs on Pet {
          ... on Dog { name(surname: true) }
          ... on Cat { name }
        }
        """);

    [Fact]
    public void Encounters_conflict_in_fragments() => ExpectErrors(Rule, """
        {
          ...A
          ...B
        }
        fragment A on QueryRoot { x: dog { name } }
        fragment B on QueryRoot { x: cat { name } }
        """,
        Error("Fields \"x\" conflict because \"dog\" and \"cat\" are different fields." + Alias, (5, 27), (6, 27)));

    [Fact]
    public void Reports_each_conflict_once() => ExpectErrors(Rule, """
        {
          f1 {
            ...A
            ...B
          }
          f2 {
            ...B
            ...A
          }
          f3 {
            ...A
            ...B
            x: c
          }
        }
        fragment A on Type { x: a }
        fragment B on Type { x: b }
        """,
        Error("Fields \"x\" conflict because \"a\" and \"b\" are different fields." + Alias, (16, 22), (17, 22)),
        Error("Fields \"x\" conflict because \"c\" and \"a\" are different fields." + Alias, (13, 5), (16, 22)),
        Error("Fields \"x\" conflict because \"c\" and \"b\" are different fields." + Alias, (13, 5), (17, 22)));

    [Fact]
    public void Deep_conflict() => ExpectErrors(Rule, """
        {
          dog { x: name }
          dog { x: barks }
        }
        """,
        Error("Fields \"dog\" conflict because subfields \"x\" conflict because \"name\" and \"barks\" are different fields." + Alias, (2, 3), (2, 9), (3, 3), (3, 9)));

    [Fact]
    public void Deep_conflict_with_multiple_issues() => ExpectErrors(Rule, """
        {
          dog { x: name y: nickname }
          dog { x: barks y: barkVolume }
        }
        """,
        Error("Fields \"dog\" conflict because subfields \"x\" conflict because \"name\" and \"barks\" are different fields and subfields \"y\" conflict because \"nickname\" and \"barkVolume\" are different fields." + Alias,
            (2, 3), (2, 9), (2, 17), (3, 3), (3, 9), (3, 18)));

    [Fact]
    public void Very_deep_conflict() => ExpectErrors(Rule, """
        {
          dog { mother { x: name } }
          dog { mother { x: nickname } }
        }
        """,
        Error("Fields \"dog\" conflict because subfields \"mother\" conflict because subfields \"x\" conflict because \"name\" and \"nickname\" are different fields." + Alias,
            (2, 3), (2, 9), (2, 18), (3, 3), (3, 9), (3, 18)));

    [Fact]
    public void Reports_deep_conflict_to_nearest_common_ancestor() => ExpectErrors(Rule, """
        {
          dog {
            mother { x: name }
            mother { x: nickname }
          }
          dog { mother { y: name } }
        }
        """,
        Error("Fields \"mother\" conflict because subfields \"x\" conflict because \"name\" and \"nickname\" are different fields." + Alias,
            (3, 5), (3, 14), (4, 5), (4, 14)));

    [Fact]
    public void Reports_deep_conflict_in_nested_fragments() => ExpectErrors(Rule, """
        {
          dog { ...F }
          dog { ...I }
        }
        fragment F on Dog { x: name ...G }
        fragment G on Dog { y: barks }
        fragment I on Dog { y: barkVolume ...J }
        fragment J on Dog { x: nickname }
        """,
        Error("Fields \"dog\" conflict because subfields \"x\" conflict because \"name\" and \"nickname\" are different fields and subfields \"y\" conflict because \"barks\" and \"barkVolume\" are different fields." + Alias,
            (2, 3), (5, 21), (6, 21), (3, 3), (8, 21), (7, 21)));

    [Fact]
    public void Ignores_unknown_fragments() => ExpectValid(Rule, "{ dog { name ...Unknown ...Known } } fragment Known on Dog { name ...OtherUnknown }");

    [Fact]
    public void Conflicting_return_types_on_mutually_exclusive_parents() => ExpectErrors(Rule, """
        {
          dogOrHuman {
            ... on Dog { x: barks }
            ... on Human { x: iq }
          }
        }
        """,
        Error("Fields \"x\" conflict because they return conflicting types \"Boolean\" and \"Int\"." + Alias, (3, 18), (4, 20)));

    [Fact]
    public void Same_types_on_mutually_exclusive_parents_merge() => ExpectValid(Rule, """
        {
          dogOrHuman {
            ... on Dog { x: barkVolume }
            ... on Human { x: iq }
          }
        }
        """);

    [Fact]
    public void Nullability_must_match() => ExpectErrors(Rule, """
        {
          dogOrHuman {
            ... on Dog { x: name }
            ... on Human { x: relatives { name } }
          }
        }
        """,
        Error("Fields \"x\" conflict because they return conflicting types \"String\" and \"[Human]!\"." + Alias, (3, 18), (4, 20)));

    [Fact]
    public void Different_fields_on_the_same_parent_conflict_before_types_are_compared() => ExpectErrors(Rule, """
        {
          human {
            pets { name }
            ... on Human { pets: relatives { name } }
          }
        }
        """,
        Error("Fields \"pets\" conflict because \"pets\" and \"relatives\" are different fields." + Alias, (3, 5), (4, 20)));

    [Fact]
    public void Compares_deep_types_including_lists_on_exclusive_parents() => ExpectErrors(Rule, """
        {
          dogOrHuman {
            ... on Human { x: pets { name } }
            ... on Dog { x: mother { name: nickname } }
          }
        }
        """,
        Error("Fields \"x\" conflict because they return conflicting types \"[Pet]\" and \"Dog\"." + Alias, (3, 20), (4, 18)));

    [Fact]
    public void Subfields_of_exclusive_parents_still_must_merge_in_shape() => ExpectErrors(Rule, """
        {
          dogOrHuman {
            ... on Human { relatives { x: iq } }
            ... on Dog { relatives: mother { x: name } }
          }
        }
        """,
        Error("Fields \"relatives\" conflict because they return conflicting types \"[Human]!\" and \"Dog\"." + Alias, (3, 20), (4, 18)));

    [Fact]
    public void Does_not_infinite_loop_on_recursive_fragment() => ExpectValid(Rule, "{ dog { ...fragA } } fragment fragA on Dog { name ...fragA }");

    [Fact]
    public void Does_not_infinite_loop_on_immediately_recursive_fragments() => ExpectValid(Rule, """
        { dog { ...fragA } }
        fragment fragA on Dog { name ...fragB }
        fragment fragB on Dog { nickname ...fragA }
        """);

    [Fact]
    public void Finds_invalid_case_even_with_immediately_recursive_fragment() => ExpectErrors(Rule, """
        fragment sameAliasesWithDifferentFieldTargets on Dog {
          ...sameAliasesWithDifferentFieldTargets
          fido: name
          fido: nickname
        }
        """,
        Error("Fields \"fido\" conflict because \"name\" and \"nickname\" are different fields." + Alias, (3, 3), (4, 3)));

    [Fact]
    public void Typename_on_different_parents_merges() => ExpectValid(Rule, "{ catOrDog { __typename ... on Dog { __typename } ... on Cat { __typename } } }");

    [Fact]
    public void Locations_of_a_deep_conflict_are_capped_at_twenty_per_side()
    {
        var aliases = Enumerable.Range(1, 25).Select(i => $"a{i}").ToList();
        var query = "{\n  dog { " + string.Join(" ", aliases.Select(a => a + ": name")) + " }\n  dog { " + string.Join(" ", aliases.Select(a => a + ": nickname")) + " }\n}";

        var error = Assert.Single(Validate(Rule, query));

        Assert.Equal(40, error.Locations.Count);
        Assert.Equal(new Voting.GraphQL.Errors.SourceLocation(2, 3), error.Locations[0]);
        Assert.Equal(new Voting.GraphQL.Errors.SourceLocation(3, 3), error.Locations[20]);
        Assert.StartsWith("Fields \"dog\" conflict because subfields \"a1\" conflict because \"name\" and \"nickname\" are different fields and subfields \"a2\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_names_are_abbreviated()
    {
        var alias = new string('x', 1001);
        var error = Assert.Single(Validate(Rule, $"{{ dog {{ {alias}: name {alias}: nickname }} }}"));

        Assert.Equal(
            $"Fields \"{new string('x', 1000)}...\" conflict because \"name\" and \"nickname\" are different fields." + Alias,
            error.Message);
    }

    [Fact]
    public void A_document_beyond_the_complexity_budget_aborts_validation()
    {
        var query = "{ dog { " + string.Join(" ", Enumerable.Repeat("name", 50)) + " } }";

        var errors = Validate(c => new OverlappingFieldsCanBeMergedRule(c) { ComplexityBudget = 100 }, query);

        Assert.Equal("Validation aborted.", Assert.Single(errors).Message);
    }

    [Fact]
    public void The_default_budget_allows_ordinary_documents() => ExpectValid(Rule, "{ dog { " + string.Join(" ", Enumerable.Repeat("name", 200)) + " } }");
}
