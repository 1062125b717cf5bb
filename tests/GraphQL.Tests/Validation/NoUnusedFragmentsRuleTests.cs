using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class NoUnusedFragmentsRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new NoUnusedFragmentsRule(c);

    [Fact]
    public void All_fragment_names_are_used() => ExpectValid(Rule, """
        {
          human(id: 4) {
            ...HumanFields1
            ... on Human { ...HumanFields2 }
          }
        }
        fragment HumanFields1 on Human { name ...HumanFields3 }
        fragment HumanFields2 on Human { name }
        fragment HumanFields3 on Human { name }
        """);

    [Fact]
    public void All_fragment_names_are_used_by_multiple_operations() => ExpectValid(Rule, """
        query Foo { human(id: 4) { ...HumanFields1 } }
        query Bar { human(id: 4) { ...HumanFields2 } }
        fragment HumanFields1 on Human { name ...HumanFields3 }
        fragment HumanFields2 on Human { name }
        fragment HumanFields3 on Human { name }
        """);

    [Fact]
    public void Contains_unknown_fragments() => ExpectErrors(Rule, """
        query Foo { human(id: 4) { ...HumanFields1 } }
        query Bar { human(id: 4) { ...HumanFields2 } }
        fragment HumanFields1 on Human { name ...HumanFields3 }
        fragment HumanFields2 on Human { name }
        fragment HumanFields3 on Human { name }
        fragment Unused1 on Human { name }
        fragment Unused2 on Human { name }
        """,
        Error("Fragment \"Unused1\" is never used.", (6, 1)),
        Error("Fragment \"Unused2\" is never used.", (7, 1)));

    [Fact]
    public void Contains_unknown_fragments_with_reference_cycle() => ExpectErrors(Rule, """
        query Foo { human(id: 4) { ...HumanFields1 } }
        fragment HumanFields1 on Human { name ...HumanFields3 }
        fragment HumanFields3 on Human { name }
        fragment Unused1 on Human { name ...Unused2 }
        fragment Unused2 on Human { name ...Unused1 }
        """,
        Error("Fragment \"Unused1\" is never used.", (4, 1)),
        Error("Fragment \"Unused2\" is never used.", (5, 1)));

    [Fact]
    public void Contains_unknown_and_undefined_fragments() => ExpectErrors(Rule, """
        query Foo { human(id: 4) { ...bar } }
        fragment foo on Human { name }
        """,
        Error("Fragment \"foo\" is never used.", (2, 1)));
}
