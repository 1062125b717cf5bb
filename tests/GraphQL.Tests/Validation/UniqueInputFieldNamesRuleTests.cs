using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class UniqueInputFieldNamesRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new UniqueInputFieldNamesRule(c);

    [Fact]
    public void Input_object_with_fields() => ExpectValid(Rule, "{ field(arg: { f: true }) }");

    [Fact]
    public void Same_input_object_within_two_args() => ExpectValid(Rule, "{ field(arg1: { f: true }, arg2: { f: true }) }");

    [Fact]
    public void Multiple_input_object_fields() => ExpectValid(Rule, "{ field(arg: { f1: \"value\", f2: \"value\", f3: \"value\" }) }");

    [Fact]
    public void Allows_for_nested_input_objects_with_similar_fields() => ExpectValid(Rule, """
        {
          field(arg: {
            deep: { deep: { id: 1 }, id: 1 }
            id: 1
          })
        }
        """);

    [Fact]
    public void Duplicate_input_object_fields() => ExpectErrors(Rule, "{ field(arg: { f1: \"value\", f1: \"value\" }) }",
        Error("There can be only one input field named \"f1\".", (1, 16), (1, 29)));

    [Fact]
    public void Many_duplicate_input_object_fields() => ExpectErrors(Rule, "{ field(arg: { f1: \"value\", f1: \"value\", f1: \"value\" }) }",
        Error("There can be only one input field named \"f1\".", (1, 16), (1, 29)),
        Error("There can be only one input field named \"f1\".", (1, 16), (1, 42)));

    [Fact]
    public void Nested_duplicate_input_object_fields() => ExpectErrors(Rule, "{ field(arg: { f1: {f2: \"value\", f2: \"value\" }}) }",
        Error("There can be only one input field named \"f2\".", (1, 21), (1, 34)));

    [Fact]
    public void Duplicates_in_lists_and_variable_defaults() => ExpectErrors(Rule, "query ($v: ComplexInput = { a: 1, a: 2 }) { field(arg: [{ b: 1, b: 2 }]) }",
        Error("There can be only one input field named \"a\".", (1, 29), (1, 35)),
        Error("There can be only one input field named \"b\".", (1, 59), (1, 65)));

    [Fact]
    public void Default_values_in_type_system_definitions_are_checked() => ExpectErrors(Rule, """
        input In { a: ComplexInput = {x: 1, x: 2} }
        """,
        Error("There can be only one input field named \"x\".", (1, 31), (1, 37)));
}
