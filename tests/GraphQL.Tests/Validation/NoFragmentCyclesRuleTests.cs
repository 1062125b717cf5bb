using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class NoFragmentCyclesRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new NoFragmentCyclesRule(c);

    [Fact]
    public void Single_reference_is_valid() => ExpectValid(Rule, """
        fragment fragA on Dog { ...fragB }
        fragment fragB on Dog { name }
        """);

    [Fact]
    public void Spreading_twice_is_not_circular() => ExpectValid(Rule, """
        fragment fragA on Dog { ...fragB, ...fragB }
        fragment fragB on Dog { name }
        """);

    [Fact]
    public void Spreading_twice_indirectly_is_not_circular() => ExpectValid(Rule, """
        fragment fragA on Dog { ...fragB, ...fragC }
        fragment fragB on Dog { ...fragC }
        fragment fragC on Dog { name }
        """);

    [Fact]
    public void Double_spread_within_abstract_types() => ExpectValid(Rule, """
        fragment nameFragment on Pet {
          ... on Dog { name }
          ... on Cat { name }
        }
        fragment spreadsInAnon on Pet {
          ... on Dog { ...nameFragment }
          ... on Cat { ...nameFragment }
        }
        """);

    [Fact]
    public void Does_not_false_positive_on_unknown_fragment() => ExpectValid(Rule, "fragment nameFragment on Pet { ...UnknownFragment }");

    [Fact]
    public void Spreading_recursively_within_field_fails() => ExpectErrors(Rule, "fragment fragA on Human { relatives { ...fragA } },",
        Error("Cannot spread fragment \"fragA\" within itself.", (1, 39)));

    [Fact]
    public void No_spreading_itself_directly() => ExpectErrors(Rule, "fragment fragA on Dog { ...fragA }",
        Error("Cannot spread fragment \"fragA\" within itself.", (1, 25)));

    [Fact]
    public void No_spreading_itself_directly_within_inline_fragment() => ExpectErrors(Rule, """
        fragment fragA on Pet {
          ... on Dog {
            ...fragA
          }
        }
        """,
        Error("Cannot spread fragment \"fragA\" within itself.", (3, 5)));

    [Fact]
    public void No_spreading_itself_indirectly() => ExpectErrors(Rule, """
        fragment fragA on Dog { ...fragB }
        fragment fragB on Dog { ...fragA }
        """,
        Error("Cannot spread fragment \"fragA\" within itself via \"fragB\".", (1, 25), (2, 25)));

    [Fact]
    public void No_spreading_itself_indirectly_reports_opposite_order() => ExpectErrors(Rule, """
        fragment fragB on Dog { ...fragA }
        fragment fragA on Dog { ...fragB }
        """,
        Error("Cannot spread fragment \"fragB\" within itself via \"fragA\".", (1, 25), (2, 25)));

    [Fact]
    public void No_spreading_itself_deeply() => ExpectErrors(Rule, """
        fragment fragA on Dog { ...fragB }
        fragment fragB on Dog { ...fragC }
        fragment fragC on Dog { ...fragO }
        fragment fragX on Dog { ...fragY }
        fragment fragY on Dog { ...fragZ }
        fragment fragZ on Dog { ...fragO }
        fragment fragO on Dog { ...fragP }
        fragment fragP on Dog { ...fragA, ...fragX }
        """,
        Error("Cannot spread fragment \"fragA\" within itself via \"fragB\", \"fragC\", \"fragO\", \"fragP\".", (1, 25), (2, 25), (3, 25), (7, 25), (8, 25)),
        Error("Cannot spread fragment \"fragO\" within itself via \"fragP\", \"fragX\", \"fragY\", \"fragZ\".", (7, 25), (8, 35), (4, 25), (5, 25), (6, 25)));

    [Fact]
    public void No_spreading_itself_deeply_two_paths() => ExpectErrors(Rule, """
        fragment fragA on Dog { ...fragB, ...fragC }
        fragment fragB on Dog { ...fragA }
        fragment fragC on Dog { ...fragA }
        """,
        Error("Cannot spread fragment \"fragA\" within itself via \"fragB\".", (1, 25), (2, 25)),
        Error("Cannot spread fragment \"fragA\" within itself via \"fragC\".", (1, 35), (3, 25)));

    [Fact]
    public void No_spreading_itself_deeply_and_immediately() => ExpectErrors(Rule, """
        fragment fragA on Dog { ...fragB }
        fragment fragB on Dog { ...fragB, ...fragC }
        fragment fragC on Dog { ...fragA, ...fragB }
        """,
        Error("Cannot spread fragment \"fragB\" within itself.", (2, 25)),
        Error("Cannot spread fragment \"fragA\" within itself via \"fragB\", \"fragC\".", (1, 25), (2, 35), (3, 25)),
        Error("Cannot spread fragment \"fragB\" within itself via \"fragC\".", (2, 35), (3, 35)));
}
