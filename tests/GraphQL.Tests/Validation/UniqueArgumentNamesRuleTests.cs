using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class UniqueArgumentNamesRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new UniqueArgumentNamesRule(c);

    [Fact]
    public void No_arguments_on_field() => ExpectValid(Rule, "{ field }");

    [Fact]
    public void No_arguments_on_directive() => ExpectValid(Rule, "{ field @directive }");

    [Fact]
    public void Argument_on_field_and_directive() => ExpectValid(Rule, "{ field(arg: \"value\") @directive(arg: \"value\") }");

    [Fact]
    public void Same_argument_on_two_fields() => ExpectValid(Rule, "{ one: field(arg: \"value\") two: field(arg: \"value\") }");

    [Fact]
    public void Multiple_field_arguments() => ExpectValid(Rule, "{ field(arg1: \"value\", arg2: \"value\", arg3: \"value\") }");

    [Fact]
    public void Duplicate_field_arguments() => ExpectErrors(Rule, "{ field(arg1: \"value\", arg1: \"value\") }",
        Error("There can be only one argument named \"arg1\".", (1, 9), (1, 24)));

    [Fact]
    public void Many_duplicate_field_arguments() => ExpectErrors(Rule, "{ field(arg1: \"value\", arg1: \"value\", arg1: \"value\") }",
        Error("There can be only one argument named \"arg1\".", (1, 9), (1, 24), (1, 39)));

    [Fact]
    public void Duplicate_directive_arguments() => ExpectErrors(Rule, "{ field @directive(arg1: \"value\", arg1: \"value\") }",
        Error("There can be only one argument named \"arg1\".", (1, 20), (1, 35)));

    [Fact]
    public void Directive_arguments_in_type_system_definitions_are_checked() => ExpectErrors(Rule, """
        extend schema @withArgs(required: "a", required: "b")
        """,
        Error("There can be only one argument named \"required\".", (1, 25), (1, 40)));
}
