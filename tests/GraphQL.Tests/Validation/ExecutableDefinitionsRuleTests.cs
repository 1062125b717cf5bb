using Voting.GraphQL.Language;
using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class ExecutableDefinitionsRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new ExecutableDefinitionsRule(c);

    [Fact]
    public void Only_an_operation() => ExpectValid(Rule, "query Foo { dog { name } }");

    [Fact]
    public void An_operation_and_a_fragment() => ExpectValid(Rule, """
        query Foo { dog { name ...Frag } }
        fragment Frag on Dog { name }
        """);

    [Fact]
    public void Type_definitions_are_not_executable() => ExpectErrors(Rule, """
        query Foo { dog { name } }
        type Cow { name: String }
        extend type Dog { color: String }
        """,
        Error("The \"Cow\" definition is not executable.", (2, 1)),
        Error("The \"Dog\" definition is not executable.", (3, 1)));

    [Fact]
    public void Schema_definitions_are_not_executable() => ExpectErrors(Rule, """
        schema { query: Query }
        type Query { test: String }
        extend schema @directive
        """,
        Error("The schema definition is not executable.", (1, 1)),
        Error("The \"Query\" definition is not executable.", (2, 1)),
        Error("The schema definition is not executable.", (3, 1)));

    [Fact]
    public void Directive_and_scalar_definitions_are_not_executable() => ExpectErrors(Rule, """
        directive @d on FIELD
        scalar S
        """,
        Error("The \"d\" definition is not executable.", (1, 1)),
        Error("The \"S\" definition is not executable.", (2, 1)));

    [Fact]
    public void Reports_every_type_system_definition_before_anything_inside_them() =>
        Assert.Equal(
            ["The \"T\" definition is not executable.", "The schema definition is not executable.", "Directive \"@onField\" may not be used on OBJECT."],
            DocumentValidator.Validate(TestSchema.Instance, Parser.Parse("type T @onField { a: Int } extend schema @onSchema")).Select(e => e.Message));
}
