using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class ScalarLeafsRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new ScalarLeafsRule(c);

    [Fact]
    public void Valid_scalar_selection() => ExpectValid(Rule, "fragment scalarSelection on Dog { barks }");

    [Fact]
    public void Object_type_missing_selection() => ExpectErrors(Rule, "query directQueryOnObjectWithoutSubFields { human }",
        Error("Field \"human\" of type \"Human\" must have a selection of subfields. Did you mean \"human { ... }\"?", (1, 45)));

    [Fact]
    public void Interface_type_missing_selection() => ExpectErrors(Rule, "{ human { pets } }",
        Error("Field \"pets\" of type \"[Pet]\" must have a selection of subfields. Did you mean \"pets { ... }\"?", (1, 11)));

    [Fact]
    public void Valid_scalar_selection_with_args() => ExpectValid(Rule, "fragment scalarSelectionWithArgs on Dog { doesKnowCommand(dogCommand: SIT) }");

    [Fact]
    public void Scalar_selection_not_allowed_on_boolean() => ExpectErrors(Rule, "fragment scalarSelectionsNotAllowedOnBoolean on Dog { barks { sinceWhen } }",
        Error("Field \"barks\" must not have a selection since type \"Boolean\" has no subfields.", (1, 61)));

    [Fact]
    public void Scalar_selection_not_allowed_on_enum() => ExpectErrors(Rule, "fragment scalarSelectionsNotAllowedOnEnum on Cat { furColor { inHexDec } }",
        Error("Field \"furColor\" must not have a selection since type \"FurColor\" has no subfields.", (1, 61)));

    [Fact]
    public void Scalar_selection_not_allowed_with_args() => ExpectErrors(Rule, "fragment scalarSelectionsNotAllowedWithArgs on Dog { doesKnowCommand(dogCommand: SIT) { sinceWhen } }",
        Error("Field \"doesKnowCommand\" must not have a selection since type \"Boolean\" has no subfields.", (1, 87)));

    [Fact]
    public void Scalar_selection_not_allowed_with_directives() => ExpectErrors(Rule, "fragment scalarSelectionsNotAllowedWithDirectives on Dog { name @include(if: true) { isAlsoHumanName } }",
        Error("Field \"name\" must not have a selection since type \"String\" has no subfields.", (1, 84)));

    [Fact]
    public void Non_null_list_of_objects_missing_selection() => ExpectErrors(Rule, "{ human { relatives } }",
        Error("Field \"relatives\" of type \"[Human]!\" must have a selection of subfields. Did you mean \"relatives { ... }\"?", (1, 11)));

    [Fact]
    public void Unknown_fields_are_ignored() => ExpectValid(Rule, "{ dog { unknown { x } } }");
}
