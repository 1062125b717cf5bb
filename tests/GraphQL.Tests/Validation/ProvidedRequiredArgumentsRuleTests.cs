using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class ProvidedRequiredArgumentsRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new ProvidedRequiredArgumentsRule(c);

    [Fact]
    public void Meta_field_argument_is_named_with_meta_as_its_type() => ExpectErrors(Rule, "{ __type { name } }",
        Error("Argument \"<meta>.__type(name:)\" of type \"String!\" is required, but it was not provided.", (1, 3)));

    [Fact]
    public void Ignores_unknown_arguments() => ExpectValid(Rule, "{ dog { isHouseTrained(unknownArgument: true) } }");

    [Fact]
    public void Arg_on_optional_arg() => ExpectValid(Rule, "{ dog { isHouseTrained(atOtherHomes: true) } }");

    [Fact]
    public void No_arg_on_optional_arg() => ExpectValid(Rule, "{ dog { isHouseTrained } }");

    [Fact]
    public void No_arg_on_non_null_field_with_default() => ExpectValid(Rule, "{ complicatedArgs { nonNullFieldWithDefault } }");

    [Fact]
    public void Multiple_args_in_either_order() => ExpectValid(Rule, "{ complicatedArgs { a: multipleReqs(req1: 1, req2: 2) b: multipleReqs(req2: 2, req1: 1) } }");

    [Fact]
    public void No_args_on_multiple_optional() => ExpectValid(Rule, "{ complicatedArgs { multipleOpts } }");

    [Fact]
    public void All_reqs_and_no_opts_on_mixed_list() => ExpectValid(Rule, "{ complicatedArgs { multipleOptAndReq(req1: 3, req2: 4) } }");

    [Fact]
    public void Explicit_null_is_left_to_values_of_correct_type() => ExpectValid(Rule, "{ complicatedArgs { nonNullIntArgField(nonNullIntArg: null) } }");

    [Fact]
    public void Missing_one_non_nullable_argument() => ExpectErrors(Rule, "{ complicatedArgs { multipleReqs(req2: 2) } }",
        Error("Argument \"ComplicatedArgs.multipleReqs(req1:)\" of type \"Int!\" is required, but it was not provided.", (1, 21)));

    [Fact]
    public void Missing_multiple_non_nullable_arguments() => ExpectErrors(Rule, "{ complicatedArgs { multipleReqs } }",
        Error("Argument \"ComplicatedArgs.multipleReqs(req1:)\" of type \"Int!\" is required, but it was not provided.", (1, 21)),
        Error("Argument \"ComplicatedArgs.multipleReqs(req2:)\" of type \"Int!\" is required, but it was not provided.", (1, 21)));

    [Fact]
    public void Incorrect_value_and_missing_argument() => ExpectErrors(Rule, "{ complicatedArgs { multipleReqs(req1: \"one\") } }",
        Error("Argument \"ComplicatedArgs.multipleReqs(req2:)\" of type \"Int!\" is required, but it was not provided.", (1, 21)));

    [Fact]
    public void Directives_of_valid_types() => ExpectValid(Rule, "{ dog @include(if: true) { name } human @skip(if: false) { name } }");

    [Fact]
    public void Directive_with_missing_types() => ExpectErrors(Rule, """
        {
          dog @include { name @skip }
        }
        """,
        Error("Argument \"@include(if:)\" of type \"Boolean!\" is required, but it was not provided.", (2, 7)),
        Error("Argument \"@skip(if:)\" of type \"Boolean!\" is required, but it was not provided.", (2, 23)));

    [Fact]
    public void Missing_directive_argument_among_others() => ExpectErrors(Rule, "{ dog @withArgs(optional: 1) { name } }",
        Error("Argument \"@withArgs(required:)\" of type \"String!\" is required, but it was not provided.", (1, 7)));

    [Fact]
    public void Missing_argument_on_an_object_field_names_the_object() => ExpectErrors(Rule, "mutation { renameDog { name } }",
        Error("Argument \"MutationRoot.renameDog(name:)\" of type \"String!\" is required, but it was not provided.", (1, 12)));

    [Fact]
    public void Unknown_directives_are_ignored() => ExpectValid(Rule, "{ dog @unknown { name } }");

    [Fact]
    public void Directives_in_type_system_definitions_need_their_required_arguments() => ExpectErrors(Rule, """
        type T @withArgs { f: Int @include }
        """,
        Error("Argument \"@withArgs(required:)\" of type \"String!\" is required, but it was not provided.", (1, 8)),
        Error("Argument \"@include(if:)\" of type \"Boolean!\" is required, but it was not provided.", (1, 27)));

    [Fact]
    public void Directives_the_document_defines_take_their_required_arguments_from_there() => ExpectErrors(Rule, """
        directive @withArgs(a: [Int!]!, b: Int! = 1, c: Int) on FIELD
        { dog @withArgs(required: "x") { name } }
        """,
        Error("Argument \"@withArgs(a:)\" of type \"[Int!]!\" is required, but it was not provided.", (2, 7)));
}
