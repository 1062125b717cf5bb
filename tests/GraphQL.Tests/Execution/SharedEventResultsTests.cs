using System.Runtime.CompilerServices;
using System.Security.Claims;
using Voting.GraphQL.Execution;
using Voting.GraphQL.Language;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Server.Authorization;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Execution;

/// <summary>
/// Subscriptions that would compute the same result for an event share it (ADR 0037): same event object, same
/// operation, equal variables, and a selection of plain getters only. Anything that may read the subscriber
/// (a resolver with a context, a policy) keeps the execution per subscriber.
/// </summary>
public sealed class SharedEventResultsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Schema Schema = SchemaBuilder.New().AddQueryType<ShoutQuery>().AddSubscriptionType<ShoutSubscription>().Create();

    [Fact]
    public async Task Subscribers_of_one_document_and_equal_variables_get_one_result_per_event()
    {
        var document = Parser.Parse("""subscription($room: String!) { shouts(room: $room) { text loudness __typename } }""");
        var source = new[] { new ShoutNode("hi", 1), new ShoutNode("<b>ho</b>", 2) };

        var first = await CollectAsync(document, source, "lobby", "ann");
        var second = await CollectAsync(document, source, "lobby", "bob");

        Assert.Equal(2, first.Count);
        for (var i = 0; i < first.Count; i++)
        {
            Assert.Same(first[i], second[i]);
        }

        Assert.Equal("""{"data":{"shouts":{"text":"\u003Cb\u003Eho\u003C/b\u003E","loudness":2,"__typename":"Shout"}}}""", ExecutorTests.Write(second[1]));
    }

    [Fact]
    public async Task Other_variables_or_another_document_get_their_own_result()
    {
        var document = Parser.Parse("""subscription($room: String!) { shouts(room: $room) { text } }""");
        var source = new[] { new ShoutNode("hi", 1) };

        var lobby = await CollectAsync(document, source, "lobby", "ann");
        var hall = await CollectAsync(document, source, "hall", "ann");
        var sameText = await CollectAsync(Parser.Parse("""subscription($room: String!) { shouts(room: $room) { text } }"""), source, "lobby", "ann");

        Assert.NotSame(lobby[0], hall[0]);
        Assert.NotSame(lobby[0], sameText[0]);
        Assert.Equal(ExecutorTests.Write(lobby[0]), ExecutorTests.Write(sameText[0]));
    }

    [Fact]
    public async Task A_field_that_reads_the_context_keeps_each_subscriber_its_own_result()
    {
        var document = Parser.Parse("""subscription { shouts(room: "lobby") { text heardBy } }""");
        var source = new[] { new ShoutNode("hi", 1) };

        var ann = await CollectAsync(document, source, null, "ann");
        var bob = await CollectAsync(document, source, null, "bob");

        Assert.Equal("""{"data":{"shouts":{"text":"hi","heardBy":"ann"}}}""", ExecutorTests.Write(ann[0]));
        Assert.Equal("""{"data":{"shouts":{"text":"hi","heardBy":"bob"}}}""", ExecutorTests.Write(bob[0]));
    }

    [Fact]
    public void A_policy_on_the_subscription_field_keeps_its_events_per_subscriber_and_a_user_check_does_not()
    {
        var subscription = Schema.SubscriptionType!;

        Assert.True(subscription.Fields["shouts"].ResolvesToParent);
        Assert.True(subscription.Fields["signedInShouts"].ResolvesToParent);
        Assert.False(subscription.Fields["policyShouts"].ResolvesToParent);
    }

    [Fact]
    public async Task A_shared_result_is_written_as_the_same_JSON_as_an_unshared_one()
    {
        var document = Parser.Parse("""subscription { shouts(room: "lobby") { text loudness } }""");
        var source = new[] { new ShoutNode("é \"quoted\" \n", 3) };

        var shared = (await CollectAsync(document, source, null, "ann"))[0];
        var again = (await CollectAsync(document, source, null, "bob"))[0];
        var unshared = new ExecutionResult(shared.Data, shared.Errors);

        Assert.Same(shared, again);
        Assert.Equal(ExecutorTests.Write(unshared), ExecutorTests.Write(shared));
        Assert.Equal(ExecutorTests.Write(shared), ExecutorTests.Write(again));
    }

    private static async Task<List<ExecutionResult>> CollectAsync(DocumentNode document, ShoutNode[] source, string? room, string user)
    {
        var subscribed = await Executor.SubscribeAsync(
            new ExecutionRequest
            {
                Schema = Schema,
                Document = document,
                VariableValues = room is null ? null : new Dictionary<string, object?> { ["room"] = room },
                RootValue = source,
                User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], "test")),
            },
            Ct);
        Assert.True(subscribed.IsStream);
        var results = new List<ExecutionResult>();
        await foreach (var result in subscribed.Responses!.WithCancellation(Ct))
        {
            results.Add(result);
        }

        return results;
    }
}

public sealed class ShoutQuery
{
    public bool Ok => true;
}

/// <summary>Streams the events given as the request's root value: the same objects to every subscriber.</summary>
public sealed class ShoutSubscription
{
    public IAsyncEnumerable<ShoutNode> Shouts(string room, IResolverContext context) => Replay(context);

    [Authorize]
    public IAsyncEnumerable<ShoutNode> SignedInShouts(IResolverContext context) => Replay(context);

    [Authorize(Policy = "loud")]
    public IAsyncEnumerable<ShoutNode> PolicyShouts(IResolverContext context) => Replay(context);

    private static async IAsyncEnumerable<ShoutNode> Replay(IResolverContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var shout in (ShoutNode[])context.Parent!)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return shout;
        }
    }
}

[GraphQLName("Shout")]
public sealed class ShoutNode(string text, int loudness)
{
    public string Text => text;

    public int Loudness => loudness;

    public string HeardBy(IResolverContext context) => context.User?.Identity?.Name ?? "nobody";
}
