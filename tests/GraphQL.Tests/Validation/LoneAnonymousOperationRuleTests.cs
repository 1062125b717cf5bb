using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class LoneAnonymousOperationRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new LoneAnonymousOperationRule(c);

    [Fact]
    public void No_operations() => ExpectValid(Rule, "fragment fragA on Dog { name }");

    [Fact]
    public void One_anonymous_operation() => ExpectValid(Rule, "{ dog { name } }");

    [Fact]
    public void Multiple_named_operations() => ExpectValid(Rule, """
        query Foo { dog { name } }
        query Bar { dog { name } }
        """);

    [Fact]
    public void Anonymous_operation_with_fragment() => ExpectValid(Rule, """
        { ...Foo }
        fragment Foo on QueryRoot { dog { name } }
        """);

    [Fact]
    public void Multiple_anonymous_operations() => ExpectErrors(Rule, """
        { dog { name } }
        { dog { nickname } }
        """,
        Error("This anonymous operation must be the only defined operation.", (1, 1)),
        Error("This anonymous operation must be the only defined operation.", (2, 1)));

    [Fact]
    public void Anonymous_operation_with_a_mutation() => ExpectErrors(Rule, """
        { dog { name } }
        mutation Foo { renameDog(name: "x") { name } }
        """,
        Error("This anonymous operation must be the only defined operation.", (1, 1)));

    [Fact]
    public void Anonymous_operation_with_a_subscription() => ExpectErrors(Rule, """
        { dog { name } }
        subscription Foo { newMessage }
        """,
        Error("This anonymous operation must be the only defined operation.", (1, 1)));
}
