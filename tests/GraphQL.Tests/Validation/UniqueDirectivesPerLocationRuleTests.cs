using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class UniqueDirectivesPerLocationRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new UniqueDirectivesPerLocationRule(c);

    [Fact]
    public void No_directives() => ExpectValid(Rule, "fragment Test on Dog { name }");

    [Fact]
    public void Unique_directives_in_different_locations() => ExpectValid(Rule, "fragment Test on Dog @onFragmentDefinition { name @directiveA }");

    [Fact]
    public void Unique_directives_in_same_location() => ExpectValid(Rule, "{ dog { name @directiveA @directiveB } }");

    [Fact]
    public void Same_directives_in_different_locations() => ExpectValid(Rule, "{ dog { ... @directive { name @directive } } }");

    [Fact]
    public void Same_directives_in_similar_locations() => ExpectValid(Rule, "{ dog { name @directive name @directive } }");

    [Fact]
    public void Repeatable_directives_in_same_location() => ExpectValid(Rule, "query @repeatable @repeatable { dog { name @repeatable @repeatable } }");

    [Fact]
    public void Unknown_directives_must_be_ignored() => ExpectValid(Rule, "{ dog { name @unknown @unknown } }");

    [Fact]
    public void Duplicate_directives_in_one_location() => ExpectErrors(Rule, "{ dog { name @directive @directive } }",
        Error("The directive \"@directive\" can only be used once at this location.", (1, 14), (1, 25)));

    [Fact]
    public void Many_duplicate_directives_in_one_location() => ExpectErrors(Rule, "{ dog { name @directive @directive @directive } }",
        Error("The directive \"@directive\" can only be used once at this location.", (1, 14), (1, 25)),
        Error("The directive \"@directive\" can only be used once at this location.", (1, 14), (1, 36)));

    [Fact]
    public void Different_duplicate_directives_in_one_location() => ExpectErrors(Rule, "{ dog { name @directiveA @directiveB @directiveA @directiveB } }",
        Error("The directive \"@directiveA\" can only be used once at this location.", (1, 14), (1, 38)),
        Error("The directive \"@directiveB\" can only be used once at this location.", (1, 26), (1, 50)));

    [Fact]
    public void Duplicate_directives_in_many_locations() => ExpectErrors(Rule, """
        { dog { ... @directive @directive { name } ...F @directive @directive } }
        fragment F on Dog @onFragmentDefinition @onFragmentDefinition { name }
        """,
        Error("The directive \"@directive\" can only be used once at this location.", (1, 13), (1, 24)),
        Error("The directive \"@directive\" can only be used once at this location.", (1, 49), (1, 60)),
        Error("The directive \"@onFragmentDefinition\" can only be used once at this location.", (2, 19), (2, 41)));

    [Fact]
    public void A_type_and_its_extensions_are_one_location() => ExpectErrors(Rule, """
        type T @directive { f: Int @directive @directive }
        extend type T @directive
        extend type U @directive
        schema @directive { query: Query }
        extend schema @directive
        """,
        Error("The directive \"@directive\" can only be used once at this location.", (1, 28), (1, 39)),
        Error("The directive \"@directive\" can only be used once at this location.", (1, 8), (2, 15)),
        Error("The directive \"@directive\" can only be used once at this location.", (4, 8), (5, 15)));

    [Fact]
    public void Directives_the_document_defines_decide_whether_they_repeat() => ExpectErrors(Rule, """
        directive @repeatable on FIELD
        directive @directive repeatable on FIELD
        { dog @repeatable @repeatable @directive @directive { name } }
        """,
        Error("The directive \"@repeatable\" can only be used once at this location.", (3, 7), (3, 19)));
}
