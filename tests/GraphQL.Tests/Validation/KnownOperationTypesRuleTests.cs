using Voting.GraphQL.Language;
using Voting.GraphQL.Types;
using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class KnownOperationTypesRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new KnownOperationTypesRule(c);

    private static readonly Schema QueryOnly = new(new SchemaConfig
    {
        Query = new ObjectType("Query", [TestSchema.F("field", Scalars.String)]),
    });

    [Fact]
    public void One_known_operation() => ExpectValid(Rule, "{ field }", QueryOnly);

    [Fact]
    public void Every_operation_type_the_schema_has() => ExpectValid(Rule, """
        query { dog { name } }
        mutation { renameDog(name: "x") { name } }
        subscription { newMessage }
        """);

    [Fact]
    public void Unknown_mutation() => ExpectErrors(Rule, "mutation { field }", QueryOnly,
        Error("The mutation operation is not supported by the schema.", (1, 1)));

    [Fact]
    public void Unknown_subscription() => ExpectErrors(Rule, "subscription { field }", QueryOnly,
        Error("The subscription operation is not supported by the schema.", (1, 1)));

    [Fact]
    public void Mixture_of_known_and_unknown_operations() => ExpectErrors(Rule, """
        query { field }
        mutation Rename { field }
        subscription OnUpdate { field }
        """,
        QueryOnly,
        Error("The mutation operation is not supported by the schema.", (2, 1)),
        Error("The subscription operation is not supported by the schema.", (3, 1)));

    [Fact]
    public void The_parser_output_is_not_needed_to_be_valid_elsewhere() =>
        Assert.Single(DocumentValidator.Validate(QueryOnly, Parser.Parse("mutation { field }"), new ValidationOptions { Rules = [Rule] }));
}
