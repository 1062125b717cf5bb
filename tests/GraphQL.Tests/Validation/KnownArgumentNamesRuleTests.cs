using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class KnownArgumentNamesRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new KnownArgumentNamesRule(c);

    [Fact]
    public void Unknown_argument_of_a_meta_field_names_it_with_meta_as_its_type() => ExpectErrors(Rule, "{ __typename(foo: 1) }",
        Error("Unknown argument \"foo\" on field \"<meta>.__typename\".", (1, 14)));

    [Fact]
    public void Single_arg_is_known() => ExpectValid(Rule, "fragment argOnRequiredArg on Dog { doesKnowCommand(dogCommand: SIT) }");

    [Fact]
    public void Multiple_args_are_known() => ExpectValid(Rule, "fragment multipleArgs on ComplicatedArgs { multipleReqs(req1: 1, req2: 2) }");

    [Fact]
    public void Ignores_args_of_unknown_fields() => ExpectValid(Rule, "fragment argOnUnknownField on Dog { unknownField(unknownArg: SIT) }");

    [Fact]
    public void Multiple_args_in_reverse_order_are_known() => ExpectValid(Rule, "fragment multipleArgsReverseOrder on ComplicatedArgs { multipleReqs(req2: 2, req1: 1) }");

    [Fact]
    public void No_args_on_optional_arg() => ExpectValid(Rule, "fragment noArgOnOptionalArg on Dog { isHouseTrained }");

    [Fact]
    public void Args_are_known_deeply() => ExpectValid(Rule, """
        {
          dog { doesKnowCommand(dogCommand: SIT) }
          human { pets { ... on Dog { doesKnowCommand(dogCommand: SIT) } } }
        }
        """);

    [Fact]
    public void Directive_args_are_known() => ExpectValid(Rule, "{ dog @skip(if: true) }");

    [Fact]
    public void Field_args_are_invalid_on_directives() => ExpectErrors(Rule, "{ dog @skip(unless: true) }",
        Error("Unknown argument \"unless\" on directive \"@skip\".", (1, 13)));

    [Fact]
    public void Misspelled_directive_args_are_reported() => ExpectErrors(Rule, "{ dog @skip(iff: true) }",
        Error("Unknown argument \"iff\" on directive \"@skip\". Did you mean \"if\"?", (1, 13)));

    [Fact]
    public void Args_of_unknown_directives_are_ignored() => ExpectValid(Rule, "{ dog @unknown(x: 1) { name } }");

    [Fact]
    public void Invalid_arg_name() => ExpectErrors(Rule, "fragment invalidArgName on Dog { doesKnowCommand(unknown: true) }",
        Error("Unknown argument \"unknown\" on field \"Dog.doesKnowCommand\".", (1, 50)));

    [Fact]
    public void Misspelled_arg_name_is_reported() => ExpectErrors(Rule, "fragment invalidArgName on Dog { doesKnowCommand(DogCommand: true) }",
        Error("Unknown argument \"DogCommand\" on field \"Dog.doesKnowCommand\". Did you mean \"dogCommand\"?", (1, 50)));

    [Fact]
    public void Unknown_args_amongst_known_args() => ExpectErrors(Rule, "fragment oneGoodArgOneInvalidArg on Dog { doesKnowCommand(whoKnows: 1, dogCommand: SIT, unknown: true) }",
        Error("Unknown argument \"whoKnows\" on field \"Dog.doesKnowCommand\".", (1, 59)),
        Error("Unknown argument \"unknown\" on field \"Dog.doesKnowCommand\".", (1, 89)));

    [Fact]
    public void Unknown_args_deeply() => ExpectErrors(Rule, """
        {
          dog { doesKnowCommand(unknown: true) }
          human { pets { ... on Dog { doesKnowCommand(unknown: true) } } }
        }
        """,
        Error("Unknown argument \"unknown\" on field \"Dog.doesKnowCommand\".", (2, 25)),
        Error("Unknown argument \"unknown\" on field \"Dog.doesKnowCommand\".", (3, 47)));

    [Fact]
    public void Arguments_on_an_interface_field_name_the_interface() => ExpectErrors(Rule, "{ pet { name(surnam: true) } }",
        Error("Unknown argument \"surnam\" on field \"Pet.name\". Did you mean \"surname\"?", (1, 14)));

    [Fact]
    public void Directive_arguments_in_type_system_definitions_are_checked() => ExpectErrors(Rule, """
        type T @withArgs(required: "x", optinal: 1) { f: Int @skip(iff: true) }
        """,
        Error("Unknown argument \"optinal\" on directive \"@withArgs\". Did you mean \"optional\"?", (1, 33)),
        Error("Unknown argument \"iff\" on directive \"@skip\". Did you mean \"if\"?", (1, 60)));

    [Fact]
    public void Directives_the_document_defines_take_their_arguments_from_there() => ExpectErrors(Rule, """
        directive @withArgs(other: Int) on FIELD
        { dog @withArgs(required: "x", other: 1) { name } }
        """,
        Error("Unknown argument \"required\" on directive \"@withArgs\".", (2, 17)));
}
