using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class UniqueOperationNamesRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new UniqueOperationNamesRule(c);

    [Fact]
    public void No_operations() => ExpectValid(Rule, "fragment fragA on Dog { name }");

    [Fact]
    public void One_anonymous_operation() => ExpectValid(Rule, "{ dog { name } }");

    [Fact]
    public void One_named_operation() => ExpectValid(Rule, "query Foo { dog { name } }");

    [Fact]
    public void Multiple_operations() => ExpectValid(Rule, """
        query Foo { dog { name } }
        query Bar { dog { name } }
        """);

    [Fact]
    public void Multiple_operations_of_different_types() => ExpectValid(Rule, """
        query Foo { dog { name } }
        mutation Bar { renameDog(name: "x") { name } }
        subscription Baz { newMessage }
        """);

    [Fact]
    public void Fragment_and_operation_named_the_same() => ExpectValid(Rule, """
        query Foo { dog { ...Foo } }
        fragment Foo on Dog { name }
        """);

    [Fact]
    public void Multiple_operations_of_same_name() => ExpectErrors(Rule, """
        query Foo { dog { name } }
        query Foo { dog { nickname } }
        """,
        Error("There can be only one operation named \"Foo\".", (1, 7), (2, 7)));

    [Fact]
    public void Multiple_operations_of_same_name_and_different_types() => ExpectErrors(Rule, """
        query Foo { dog { name } }
        mutation Foo { renameDog(name: "x") { name } }
        subscription Foo { newMessage }
        """,
        Error("There can be only one operation named \"Foo\".", (1, 7), (2, 10)),
        Error("There can be only one operation named \"Foo\".", (1, 7), (3, 14)));
}
