using Microsoft.Extensions.DependencyInjection;
using Voting.GraphQL.Execution;
using Voting.GraphQL.Language;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Execution;

/// <summary>Each root field of a query gets a DI scope of its own (parallel resolvers never share a DbContext); a mutation's fields share the request's.</summary>
public sealed class ServiceScopeTests
{
    public sealed class ScopedThing
    {
        public Guid Id { get; } = Guid.NewGuid();
    }

    public sealed class ScopeQuery
    {
        public string A([Service] ScopedThing thing) => thing.Id.ToString();

        public string B([Service] ScopedThing thing) => thing.Id.ToString();

        public ScopeChild Child([Service] ScopedThing thing) => new(thing.Id.ToString());
    }

    public sealed class ScopeChild(string rootId)
    {
        public string RootId => rootId;

        public string Nested([Service] ScopedThing thing) => thing.Id.ToString();
    }

    public sealed class ScopeMutation
    {
        public string A([Service] ScopedThing thing) => thing.Id.ToString();

        public string B([Service] ScopedThing thing) => thing.Id.ToString();
    }

    private static readonly Schema Schema = SchemaBuilder.New().AddQueryType<ScopeQuery>().AddMutationType<ScopeMutation>().Create();

    [Fact]
    public async Task Query_root_fields_get_scopes_of_their_own_which_their_subtrees_share()
    {
        var data = await RunAsync("{ a b child { rootId nested } }");

        Assert.NotEqual(data["a"], data["b"]);
        var child = (IReadOnlyDictionary<string, object?>)data["child"]!;
        Assert.Equal(child["rootId"], child["nested"]);
        Assert.NotEqual(data["a"], child["rootId"]);
    }

    [Fact]
    public async Task Mutation_fields_share_the_request_scope()
    {
        var data = await RunAsync("mutation { a b }");

        Assert.Equal(data["a"], data["b"]);
    }

    private static async Task<IReadOnlyDictionary<string, object?>> RunAsync(string document)
    {
        await using var provider = new ServiceCollection().AddScoped<ScopedThing>().BuildServiceProvider(validateScopes: true);
        await using var request = provider.CreateAsyncScope();
        var result = await Executor.ExecuteAsync(
            new ExecutionRequest { Schema = Schema, Document = Parser.Parse(document), Services = request.ServiceProvider },
            TestContext.Current.CancellationToken);
        Assert.Empty(result.Errors);
        return result.Data!;
    }
}
