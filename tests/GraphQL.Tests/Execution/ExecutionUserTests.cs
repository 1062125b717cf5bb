using System.Security.Claims;
using Voting.GraphQL.Execution;
using Voting.GraphQL.Language;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Execution;

/// <summary>ExecutionRequest.User reaches every resolver as IResolverContext.User, subscriptions' source and events included.</summary>
public sealed class ExecutionUserTests
{
    private static readonly Schema Schema = SchemaBuilder.FromSdl("type Query { me: String } type Subscription { feed: String }")
        .BindResolver("Query", "me", c => new(Name(c)))
        .BindSubscriber("Subscription", "feed", c => new(Feed(Name(c))))
        .BindResolver("Subscription", "feed", c => new($"{c.Parent} to {Name(c)}"))
        .Create();

    private static ClaimsPrincipal Ada { get; } = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ada")], "Test"));

    [Fact]
    public async Task Resolvers_see_the_request_s_user_and_null_without_one()
    {
        Assert.Equal("""{"data":{"me":"ada"}}""", ExecutorTests.Write(await Executor.ExecuteAsync(Request("{ me }", Ada), TestContext.Current.CancellationToken)));
        Assert.Equal("""{"data":{"me":"nobody"}}""", ExecutorTests.Write(await Executor.ExecuteAsync(Request("{ me }", null), TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task A_subscription_s_source_stream_and_every_event_run_as_the_subscriber()
    {
        var subscription = await Executor.SubscribeAsync(Request("subscription { feed }", Ada), TestContext.Current.CancellationToken);
        var results = new List<string>();
        await foreach (var result in subscription.Responses!.WithCancellation(TestContext.Current.CancellationToken))
        {
            results.Add(ExecutorTests.Write(result));
        }

        Assert.Equal(["""{"data":{"feed":"1 for ada to ada"}}""", """{"data":{"feed":"2 for ada to ada"}}"""], results);
    }

    private static string Name(IResolverContext context) => context.User?.Identity?.Name ?? "nobody";

    private static async IAsyncEnumerable<object?> Feed(string subscriber)
    {
        for (var i = 1; i <= 2; i++)
        {
            await Task.Yield();
            yield return $"{i} for {subscriber}";
        }
    }

    private static ExecutionRequest Request(string query, ClaimsPrincipal? user) =>
        new() { Schema = Schema, Document = Parser.Parse(query), User = user };
}
