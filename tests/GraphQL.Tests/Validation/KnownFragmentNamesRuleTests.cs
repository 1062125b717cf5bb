using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class KnownFragmentNamesRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new KnownFragmentNamesRule(c);

    [Fact]
    public void Known_fragment_names_are_valid() => ExpectValid(Rule, """
        {
          human(id: 4) {
            ...HumanFields1
            ... on Human { ...HumanFields2 }
            ... { name }
          }
        }
        fragment HumanFields1 on Human { name ...HumanFields3 }
        fragment HumanFields2 on Human { name }
        fragment HumanFields3 on Human { name }
        """);

    [Fact]
    public void Unknown_fragment_names_are_invalid() => ExpectErrors(Rule, """
        {
          human(id: 4) {
            ...UnknownFragment1
            ... on Human { ...UnknownFragment2 }
          }
        }
        fragment HumanFields on Human {
          name
          ...UnknownFragment3
        }
        """,
        Error("Unknown fragment \"UnknownFragment1\".", (3, 8)),
        Error("Unknown fragment \"UnknownFragment2\".", (4, 23)),
        Error("Unknown fragment \"UnknownFragment3\".", (9, 6)));
}
