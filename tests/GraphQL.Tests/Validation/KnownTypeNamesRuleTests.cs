using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class KnownTypeNamesRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new KnownTypeNamesRule(c);

    [Fact]
    public void Known_type_names_are_valid() => ExpectValid(Rule, """
        query Foo($var: String, $required: [Int!]!, $introspectionType: DogCommand) {
          user(id: 4) { pets { ... on Pet { name }, ...PetFields, ... { name } } }
        }
        fragment PetFields on Pet { name }
        """);

    [Fact]
    public void Unknown_type_names_are_invalid() => ExpectErrors(Rule, """
        query Foo($var: JumbledUpLetters) {
          user(id: 4) {
            name
            pets { ... on Badger { name }, ...PetFields }
          }
        }
        fragment PetFields on Peat {
          name
        }
        """,
        Error("Unknown type \"JumbledUpLetters\".", (1, 17)),
        Error("Unknown type \"Badger\".", (4, 19)),
        Error("Unknown type \"Peat\". Did you mean \"Pet\" or \"Cat\"?", (7, 23)));

    [Fact]
    public void Unknown_types_inside_wrappers_are_found() => ExpectErrors(Rule, """
        query ($a: [Strin!]!) { dog { name } }
        """,
        Error("Unknown type \"Strin\". Did you mean \"String\"?", (1, 13)));

    [Fact]
    public void Suggestions_can_be_hidden()
    {
        var errors = Voting.GraphQL.Validation.DocumentValidator.Validate(
            TestSchema.Instance,
            Voting.GraphQL.Language.Parser.Parse("fragment F on Peat { name }"),
            new ValidationOptions { Rules = [Rule], HideSuggestions = true });
        Assert.Equal("Unknown type \"Peat\".", Assert.Single(errors).Message);
    }
}
