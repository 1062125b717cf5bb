using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class MaxIntrospectionDepthRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new MaxIntrospectionDepthRule(c);

    private const string Exceeded = "Maximum introspection depth exceeded";

    [Fact]
    public void Two_nested_list_fields_are_allowed() =>
        ExpectValid(Rule, "{ __schema { types { fields { type { fields { name } } } } } }");

    [Fact]
    public void Three_nested_list_fields_are_refused() =>
        ExpectErrors(Rule, "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }", Error(Exceeded, (1, 3)));

    [Fact]
    public void Interfaces_count_as_list_fields() =>
        ExpectErrors(Rule, "{ __type(name: \"Dog\") { interfaces { interfaces { interfaces { name } } } } }", Error(Exceeded, (1, 3)));

    [Fact]
    public void Depth_is_counted_through_fragments() => ExpectErrors(Rule, """
        { __schema { types { ...F } } }
        fragment F on __Type { fields { type { inputFields { type { possibleTypes { name } } } } } }
        """,
        Error(Exceeded, (1, 3)));

    [Fact]
    public void Cyclic_fragments_end() => ExpectValid(Rule, """
        { __schema { types { ...F } } }
        fragment F on __Type { ofType { ...F } }
        """);

    [Fact]
    public void List_fields_outside_introspection_do_not_count() =>
        ExpectValid(Rule, "{ dog { fields: name interfaces: nickname } }");
}
