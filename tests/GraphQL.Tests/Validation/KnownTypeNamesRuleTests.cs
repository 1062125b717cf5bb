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

    [Fact]
    public void Within_type_system_definitions_standard_types_are_known_and_suggested() => ExpectErrors(Rule, """
        type T implements Pett { a: Int b: Strin c: __Type d: [__Typ!] }
        union U = Dog | Catt
        extend schema { query: QueryRot }
        input In { a: Booleen = true }
        directive @d(a: Floot) on FIELD
        """,
        Error("Unknown type \"Pett\". Did you mean \"Pet\"?", (1, 19)),
        Error("Unknown type \"Strin\". Did you mean \"String\" or \"In\"?", (1, 36)),
        Error("Unknown type \"__Typ\". Did you mean \"__Type\"?", (1, 56)),
        Error("Unknown type \"Catt\". Did you mean \"Cat\"?", (2, 17)),
        Error("Unknown type \"QueryRot\". Did you mean \"QueryRoot\"?", (3, 24)),
        Error("Unknown type \"Booleen\". Did you mean \"Boolean\"?", (4, 15)),
        Error("Unknown type \"Floot\". Did you mean \"Float\"?", (5, 17)));

    [Fact]
    public void Types_the_document_defines_are_known_everywhere_in_it() => ExpectErrors(Rule, """
        query ($e: Extra, $f: Extr) { dog { name } }
        fragment F on Extra { a }
        type Extra { a: Int }
        """,
        Error("Unknown type \"Extr\". Did you mean \"Extra\"?", (1, 23)));
}
