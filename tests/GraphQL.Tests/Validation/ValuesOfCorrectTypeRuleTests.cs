using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class ValuesOfCorrectTypeRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new ValuesOfCorrectTypeRule(c);

    // One argument of ComplicatedArgs on one line, and the column its value starts at.
    private const string OneOfMessage = "Within OneOf Input Object type \"OneOfInput\", exactly one field must be specified, and the value for that field must be non-null.";

    private static string Arg(string field, string argument, string value) => $"{{ complicatedArgs {{ {field}({argument}: {value}) }} }}";

    private static int At(string field, string argument) => 24 + field.Length + argument.Length;

    private static void Valid(string field, string argument, string value) => ExpectValid(Rule, Arg(field, argument, value));

    private static void Invalid(string field, string argument, string value, string message, int offset = 0) =>
        ExpectErrors(Rule, Arg(field, argument, value), Error(message, (1, At(field, argument) + offset)));

    [Theory]
    [InlineData("intArgField", "intArg", "2")]
    [InlineData("intArgField", "intArg", "-2")]
    [InlineData("booleanArgField", "booleanArg", "true")]
    [InlineData("stringArgField", "stringArg", "\"foo\"")]
    [InlineData("stringArgField", "stringArg", "\"\"\"block\"\"\"")]
    [InlineData("floatArgField", "floatArg", "1.1")]
    [InlineData("floatArgField", "floatArg", "1")]
    [InlineData("idArgField", "idArg", "1")]
    [InlineData("idArgField", "idArg", "\"someIdString\"")]
    [InlineData("enumArgField", "enumArg", "NO_FUR")]
    [InlineData("intArgField", "intArg", "null")]
    [InlineData("stringListArgField", "stringListArg", "[\"one\", null, \"two\"]")]
    [InlineData("stringListArgField", "stringListArg", "[]")]
    [InlineData("stringListArgField", "stringListArg", "null")]
    [InlineData("stringListArgField", "stringListArg", "\"one\"")]
    [InlineData("nonNullIntArgField", "nonNullIntArg", "2")]
    [InlineData("complexArgField", "complexArg", "{ requiredField: true }")]
    [InlineData("complexArgField", "complexArg", "{ requiredField: false, nonNullField: true, intField: 4, stringListField: [\"one\"] }")]
    [InlineData("complexArgField", "complexArg", "{ stringListField: \"one\", requiredField: true }")]
    [InlineData("oneOfArgField", "oneOfArg", "{ stringField: \"abc\" }")]
    public void Valid_values(string field, string argument, string value) => Valid(field, argument, value);

    [Fact]
    public void String_into_int() => Invalid("intArgField", "intArg", "\"3\"", "Int cannot represent non-integer value: \"3\"");

    [Fact]
    public void Big_int_into_int() => Invalid("intArgField", "intArg", "829384293849283498239482938", "Int cannot represent non 32-bit signed integer value: 829384293849283498239482938");

    [Fact]
    public void Float_into_int() => Invalid("intArgField", "intArg", "3.0", "Int cannot represent non-integer value: 3.0");

    [Fact]
    public void Int_into_string() => Invalid("stringArgField", "stringArg", "1", "String cannot represent a non string value: 1");

    [Fact]
    public void Unquoted_string_into_string() => Invalid("stringArgField", "stringArg", "BAR", "String cannot represent a non string value: BAR");

    [Fact]
    public void String_into_float() => Invalid("floatArgField", "floatArg", "\"3.333\"", "Float cannot represent non numeric value: \"3.333\"");

    [Fact]
    public void Int_into_boolean() => Invalid("booleanArgField", "booleanArg", "2", "Boolean cannot represent a non boolean value: 2");

    [Fact]
    public void Float_into_id() => Invalid("idArgField", "idArg", "1.0", "ID cannot represent a non-string and non-integer value: 1.0");

    [Fact]
    public void Int_into_enum() => Invalid("enumArgField", "enumArg", "2", "Enum \"FurColor\" cannot represent non-enum value: 2.");

    [Fact]
    public void String_into_enum_suggests_the_value() => Invalid("enumArgField", "enumArg", "\"BROWN\"", "Enum \"FurColor\" cannot represent non-enum value: \"BROWN\". Did you mean the enum value \"BROWN\"?");

    [Fact]
    public void Unknown_enum_value_suggests_close_values() => Invalid("enumArgField", "enumArg", "brown", "Value \"brown\" does not exist in \"FurColor\" enum. Did you mean the enum value \"BROWN\"?");

    [Fact]
    public void Unknown_enum_value_without_close_values() => Invalid("enumArgField", "enumArg", "JUGGLE", "Value \"JUGGLE\" does not exist in \"FurColor\" enum.");

    [Fact]
    public void Boolean_into_enum() => Invalid("enumArgField", "enumArg", "true", "Enum \"FurColor\" cannot represent non-enum value: true.");

    [Fact]
    public void Null_into_non_null() => Invalid("nonNullIntArgField", "nonNullIntArg", "null", "Expected value of non-null type \"Int!\" not to be null.");

    [Fact]
    public void Incorrect_item_type_in_list() => Invalid("stringListArgField", "stringListArg", "[\"one\", 2]", "String cannot represent a non string value: 2", 8);

    [Fact]
    public void Null_item_in_list_of_non_null() => Invalid("stringListNonNullArgField", "stringListNonNullArg", "[\"one\", null]", "Expected value of non-null type \"String!\" not to be null.", 8);

    [Fact]
    public void List_into_scalar() => Invalid("intArgField", "intArg", "[1, 2]", "Int cannot represent non-integer value: [1, 2]");

    [Fact]
    public void Object_into_scalar() => Invalid("stringArgField", "stringArg", "{ a: 1 }", "String cannot represent a non string value: { a: 1 }");

    [Fact]
    public void Scalar_into_input_object() => Invalid("complexArgField", "complexArg", "\"x\"", "Expected value of type \"ComplexInput\" to be an object, found: \"x\".");

    [Fact]
    public void List_into_input_object() => Invalid("complexArgField", "complexArg", "[{ requiredField: true }]", "Expected value of type \"ComplexInput\" to be an object, found: [{ requiredField: true }].");

    [Fact]
    public void Partial_object_missing_required() => Invalid("complexArgField", "complexArg", "{ intField: 4 }", "Expected value of type \"ComplexInput\" to include required field \"requiredField\", found: { intField: 4 }.");

    [Fact]
    public void Partial_object_invalid_field_type() => Invalid("complexArgField", "complexArg", "{ stringListField: [\"one\", 2], requiredField: true }", "String cannot represent a non string value: 2", 27);

    [Fact]
    public void Partial_object_null_to_non_null_field() => Invalid("complexArgField", "complexArg", "{ requiredField: true, nonNullField: null }", "Expected value of non-null type \"Boolean!\" not to be null.", 37);

    [Fact]
    public void Partial_object_unknown_field_suggests() => Invalid("complexArgField", "complexArg", "{ requiredField: true, invalidField: \"value\" }", "Expected value of type \"ComplexInput\" not to include unknown field \"invalidField\". Did you mean \"intField\"? Found: { requiredField: true, invalidField: \"value\" }.", 23);

    [Fact]
    public void Unknown_field_with_many_suggestions() => Invalid("complexArgField", "complexArg", "{ requiredField: true, ieldField: 1 }", "Expected value of type \"ComplexInput\" not to include unknown field \"ieldField\". Did you mean \"intField\"? Found: { requiredField: true, ieldField: 1 }.", 23);

    [Fact]
    public void OneOf_with_two_fields() => Invalid("oneOfArgField", "oneOfArg", "{ stringField: \"abc\", intField: 123 }", OneOfMessage);

    [Fact]
    public void OneOf_with_no_fields() => Invalid("oneOfArgField", "oneOfArg", "{}", OneOfMessage);

    [Fact]
    public void OneOf_with_null_field() => Invalid("oneOfArgField", "oneOfArg", "{ stringField: null }", OneOfMessage);

    [Fact]
    public void OneOf_with_nullable_variable_is_left_to_variables_in_allowed_position() =>
        ExpectValid(Rule, "query ($s: String) { complicatedArgs { oneOfArgField(oneOfArg: { stringField: $s }) } }");

    [Fact]
    public void Unknown_field_without_suggestions() => Invalid("complexArgField", "complexArg", "{ requiredField: true, zzz: 1 }", "Expected value of type \"ComplexInput\" not to include unknown field \"zzz\", found: { requiredField: true, zzz: 1 }.", 23);

    [Fact]
    public void OneOf_with_unknown_field_only() => ExpectErrors(Rule, Arg("oneOfArgField", "oneOfArg", "{ other: 1 }"),
        Error("Expected value of type \"OneOfInput\" not to include unknown field \"other\", found: { other: 1 }.", (1, At("oneOfArgField", "oneOfArg") + 2)),
        Error(OneOfMessage, (1, At("oneOfArgField", "oneOfArg"))));

    [Fact]
    public void Errors_inside_an_object_come_in_field_definition_order() => ExpectErrors(Rule, Arg("complexArgField", "complexArg", "{ intField: \"x\", requiredField: 1 }"),
        Error("Boolean cannot represent a non boolean value: 1", (1, 81)),
        Error("Int cannot represent non-integer value: \"x\"", (1, 61)));

    [Fact]
    public void Single_value_for_a_list_is_checked_as_an_item() => Invalid("stringListArgField", "stringListArg", "1", "String cannot represent a non string value: 1");

    [Fact]
    public void Nested_list_items_are_checked() => ExpectErrors(Rule, "query ($v: [[Int]] = [[1], [\"2\"], 3]) { dog { name } }",
        Error("Int cannot represent non-integer value: \"2\"", (1, 29)));

    [Fact]
    public void Unknown_arguments_and_fields_are_ignored() => ExpectValid(Rule, "{ complicatedArgs { unknownField(x: \"y\") intArgField(unknown: \"z\") } }");

    [Fact]
    public void Directive_arguments() => ExpectErrors(Rule, "{ dog @include(if: \"yes\") { name @skip(if: ENUM) } }",
        Error("Boolean cannot represent a non boolean value: \"yes\"", (1, 20)),
        Error("Boolean cannot represent a non boolean value: ENUM", (1, 44)));

    [Fact]
    public void Variable_default_values() => ExpectErrors(Rule, """
        query InvalidDefaultValues($a: Int = "one", $b: String = 4, $c: ComplexInput = "NotVeryComplex") {
          dog { name }
        }
        """,
        Error("Int cannot represent non-integer value: \"one\"", (1, 38)),
        Error("String cannot represent a non string value: 4", (1, 58)),
        Error("Expected value of type \"ComplexInput\" to be an object, found: \"NotVeryComplex\".", (1, 80)));

    [Fact]
    public void Complex_variable_default_missing_required_field() => ExpectErrors(Rule, "query ($a: ComplexInput = { intField: 3 }) { dog { name } }",
        Error("Expected value of type \"ComplexInput\" to include required field \"requiredField\", found: { intField: 3 }.", (1, 27)));

    [Fact]
    public void Variables_with_valid_defaults() => ExpectValid(Rule, """
        query WithDefaultValues($a: Int = 1, $b: String = "ok", $c: ComplexInput = { requiredField: true, intField: 3 }, $d: Int! = 123) {
          dog { name }
        }
        """);

    [Fact]
    public void Null_default_for_nullable_variable() => ExpectValid(Rule, "query ($a: Int = null, $b: String = null, $c: ComplexInput = { requiredField: true, intField: null }) { dog { name } }");

    [Fact]
    public void Null_default_for_non_null_variable() => ExpectErrors(Rule, "query ($a: Int! = null) { dog { name } }",
        Error("Expected value of non-null type \"Int!\" not to be null.", (1, 19)));

    [Fact]
    public void Directive_arguments_in_type_system_definitions_are_checked_but_default_values_are_not() => ExpectErrors(Rule, """
        type T @withArgs(required: 1) { f(a: Int = "x"): Int @include(if: "yes") }
        input In { a: [Int] = ["s"] }
        """,
        Error("String cannot represent a non string value: 1", (1, 28)),
        Error("Boolean cannot represent a non boolean value: \"yes\"", (1, 67)));
}
