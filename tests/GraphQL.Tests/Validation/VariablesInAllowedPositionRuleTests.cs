using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class VariablesInAllowedPositionRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new VariablesInAllowedPositionRule(c);

    [Theory]
    [InlineData("query ($booleanArg: Boolean) { complicatedArgs { booleanArgField(booleanArg: $booleanArg) } }")]
    [InlineData("query ($nonNullBooleanArg: Boolean!) { complicatedArgs { booleanArgField(booleanArg: $nonNullBooleanArg) } }")]
    [InlineData("query ($nonNullBooleanArg: Boolean!) { dog { isHouseTrained(atOtherHomes: $nonNullBooleanArg) } }")]
    [InlineData("query ($stringListVar: [String]) { complicatedArgs { stringListArgField(stringListArg: $stringListVar) } }")]
    [InlineData("query ($stringListVar: [String!]) { complicatedArgs { stringListArgField(stringListArg: $stringListVar) } }")]
    [InlineData("query ($stringVar: String) { complicatedArgs { stringListArgField(stringListArg: [$stringVar]) } }")]
    [InlineData("query ($stringVar: String!) { complicatedArgs { stringListArgField(stringListArg: [$stringVar]) } }")]
    [InlineData("query ($complexVar: ComplexInput) { complicatedArgs { complexArgField(complexArg: $complexVar) } }")]
    [InlineData("query ($boolVar: Boolean = false) { complicatedArgs { complexArgField(complexArg: { requiredField: $boolVar }) } }")]
    [InlineData("query ($boolVar: Boolean!) { dog @include(if: $boolVar) { name } }")]
    [InlineData("query ($boolVar: Boolean = false) { dog @include(if: $boolVar) { name } }")]
    [InlineData("query ($intVar: Int = 1) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $intVar) } }")]
    [InlineData("query ($intVar: Int) { complicatedArgs { nonNullFieldWithDefault(arg: $intVar) } }")]
    [InlineData("query ($s: String!) { complicatedArgs { oneOfArgField(oneOfArg: { stringField: $s }) } }")]
    public void Allowed_positions(string query) => ExpectValid(Rule, query);

    [Fact]
    public void Boolean_to_boolean_within_fragment() => ExpectValid(Rule, """
        fragment booleanArgFrag on ComplicatedArgs { booleanArgField(booleanArg: $booleanArg) }
        query Query($booleanArg: Boolean) { complicatedArgs { ...booleanArgFrag } }
        """);

    [Fact]
    public void Undefined_and_unknown_variables_are_ignored() => ExpectValid(Rule, "query ($a: Unknown) { complicatedArgs { booleanArgField(booleanArg: $b) intArgField(intArg: $a) } }");

    [Fact]
    public void Int_to_non_null_int() => ExpectErrors(Rule, """
        query Query($intArg: Int) {
          complicatedArgs { nonNullIntArgField(nonNullIntArg: $intArg) }
        }
        """,
        Error("Variable \"$intArg\" of type \"Int\" used in position expecting type \"Int!\".", (1, 13), (2, 55)));

    [Fact]
    public void Int_to_non_null_int_within_nested_fragment() => ExpectErrors(Rule, """
        fragment outerFrag on ComplicatedArgs { ...nonNullIntArgFieldFrag }
        fragment nonNullIntArgFieldFrag on ComplicatedArgs { nonNullIntArgField(nonNullIntArg: $intArg) }
        query Query($intArg: Int) { complicatedArgs { ...outerFrag } }
        """,
        Error("Variable \"$intArg\" of type \"Int\" used in position expecting type \"Int!\".", (3, 13), (2, 88)));

    [Fact]
    public void String_over_boolean() => ExpectErrors(Rule, "query Query($stringVar: String) { complicatedArgs { booleanArgField(booleanArg: $stringVar) } }",
        Error("Variable \"$stringVar\" of type \"String\" used in position expecting type \"Boolean\".", (1, 13), (1, 81)));

    [Fact]
    public void String_to_list_of_string() => ExpectErrors(Rule, "query Query($stringVar: String) { complicatedArgs { stringListArgField(stringListArg: $stringVar) } }",
        Error("Variable \"$stringVar\" of type \"String\" used in position expecting type \"[String]\".", (1, 13), (1, 87)));

    [Fact]
    public void Boolean_to_non_null_boolean_in_directive() => ExpectErrors(Rule, "query Query($boolVar: Boolean) { dog @include(if: $boolVar) { name } }",
        Error("Variable \"$boolVar\" of type \"Boolean\" used in position expecting type \"Boolean!\".", (1, 13), (1, 51)));

    [Fact]
    public void List_of_string_to_list_of_non_null_string() => ExpectErrors(Rule, "query Query($stringListVar: [String]) { complicatedArgs { stringListNonNullArgField(stringListNonNullArg: $stringListVar) } }",
        Error("Variable \"$stringListVar\" of type \"[String]\" used in position expecting type \"[String!]\".", (1, 13), (1, 107)));

    [Fact]
    public void Null_default_does_not_make_up_for_nullability() => ExpectErrors(Rule, "query Query($intVar: Int = null) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $intVar) } }",
        Error("Variable \"$intVar\" of type \"Int\" used in position expecting type \"Int!\".", (1, 13), (1, 88)));

    [Fact]
    public void Nullable_variable_in_oneOf_field() => ExpectErrors(Rule, "query ($s: String) { complicatedArgs { oneOfArgField(oneOfArg: { stringField: $s }) } }",
        Error("Variable \"$s\" is of type \"String\" but must be non-nullable to be used for OneOf Input Object \"OneOfInput\".", (1, 8), (1, 79)));

    [Fact]
    public void Nullable_variable_with_default_in_oneOf_field() => ExpectErrors(Rule, "query ($s: String = \"x\") { complicatedArgs { oneOfArgField(oneOfArg: { stringField: $s }) } }",
        Error("Variable \"$s\" is of type \"String\" but must be non-nullable to be used for OneOf Input Object \"OneOfInput\".", (1, 8), (1, 85)));
}
