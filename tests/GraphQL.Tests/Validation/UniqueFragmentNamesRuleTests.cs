using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class UniqueFragmentNamesRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new UniqueFragmentNamesRule(c);

    [Fact]
    public void No_fragments() => ExpectValid(Rule, "{ dog { name } }");

    [Fact]
    public void One_fragment() => ExpectValid(Rule, """
        { dog { ...fragA } }
        fragment fragA on Dog { name }
        """);

    [Fact]
    public void Many_fragments() => ExpectValid(Rule, """
        { dog { ...fragA ...fragB ...fragC } }
        fragment fragA on Dog { name }
        fragment fragB on Dog { nickname }
        fragment fragC on Dog { barkVolume }
        """);

    [Fact]
    public void Inline_fragments_are_always_unique() => ExpectValid(Rule, "{ dog { ...on Dog { name } ...on Dog { nickname } } }");

    [Fact]
    public void Fragment_and_operation_named_the_same() => ExpectValid(Rule, """
        query Foo { dog { ...Foo } }
        fragment Foo on Dog { name }
        """);

    [Fact]
    public void Fragments_named_the_same() => ExpectErrors(Rule, """
        { dog { ...fragA } }
        fragment fragA on Dog { name }
        fragment fragA on Dog { nickname }
        """,
        Error("There can be only one fragment named \"fragA\".", (2, 10), (3, 10)));

    [Fact]
    public void Fragments_named_the_same_without_being_referenced() => ExpectErrors(Rule, """
        fragment fragA on Dog { name }
        fragment fragA on Dog { nickname }
        fragment fragA on Dog { barks }
        """,
        Error("There can be only one fragment named \"fragA\".", (1, 10), (2, 10)),
        Error("There can be only one fragment named \"fragA\".", (1, 10), (3, 10)));
}
