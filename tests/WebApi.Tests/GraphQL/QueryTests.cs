using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Voting.GraphQL.Execution;
using Voting.GraphQL.Language;
using Voting.GraphQL.Types;
using Voting.GraphQL.Validation;
using Voting.WebApi.GraphQL;
using Voting.WebApi.Tests.Support;

namespace Voting.WebApi.Tests.GraphQL;

/// <summary>The first slice of the elections schema, executed against the seeded development host.</summary>
public sealed class QueryTests
{
    private static readonly Schema Schema = SchemaBuilder.New().AddQueryType<Query>().Create();

    [Fact]
    public async Task Elections_list_the_seeded_election_with_its_candidates_in_ballot_order()
    {
        await using var factory = new ApiFactory("Development");

        using var json = await ExecuteAsync(factory, "{ elections { title status candidates { name ballotOrder } } }");

        var election = Assert.Single(json.RootElement.GetProperty("data").GetProperty("elections").EnumerateArray());
        Assert.Equal("OPEN", election.GetProperty("status").GetString());
        var orders = election.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("ballotOrder").GetInt32()).ToList();
        Assert.Equal(3, orders.Count);
        Assert.Equal(orders.Order(), orders);
    }

    [Fact]
    public async Task An_election_is_found_by_id_and_an_unknown_id_gives_null()
    {
        await using var factory = new ApiFactory("Development");
        using var list = await ExecuteAsync(factory, "{ elections { id title } }");
        var first = list.RootElement.GetProperty("data").GetProperty("elections")[0];

        using var found = await ExecuteAsync(factory, $"{{ election(id: \"{first.GetProperty("id").GetString()}\") {{ title candidates {{ id }} }} }}");
        using var missing = await ExecuteAsync(factory, $"{{ election(id: \"{Guid.NewGuid()}\") {{ title }} }}");
        using var malformed = await ExecuteAsync(factory, "{ election(id: \"not-a-guid\") { title } }");

        Assert.Equal(first.GetProperty("title").GetString(), found.RootElement.GetProperty("data").GetProperty("election").GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, missing.RootElement.GetProperty("data").GetProperty("election").ValueKind);
        Assert.Equal("BAD_USER_INPUT", malformed.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public void The_schema_names_its_types_as_clients_expect()
    {
        var sdl = SchemaPrinter.Print(Schema);

        Assert.Contains("type Election {", sdl, StringComparison.Ordinal);
        Assert.Contains("candidates: [Candidate!]!", sdl, StringComparison.Ordinal);
        var elections = Schema.QueryType!.GetField("elections")!;
        Assert.Equal("[Election!]!", elections.Type.ToString());
        Assert.Equal(["status: [ElectionStatus!]", "skip: Int!", "take: Int!"], elections.Arguments.Select(a => $"{a.Name}: {a.Type}"));
        Assert.Equal("ID!", Schema.QueryType.GetField("election")!.GetArgument("id")!.Type.ToString());
    }

    private static async Task<JsonDocument> ExecuteAsync(ApiFactory factory, string query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var document = Parser.Parse(query);
        Assert.Empty(DocumentValidator.Validate(Schema, document));
        var result = await Executor.ExecuteAsync(
            new ExecutionRequest { Schema = Schema, Document = document, Services = scope.ServiceProvider },
            TestContext.Current.CancellationToken);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            ExecutionResultWriter.Write(writer, result);
        }

        return JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
    }
}
