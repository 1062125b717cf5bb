using System.Runtime.CompilerServices;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Execution.Subscriptions;

/// <summary>
/// The SDL subscription schema that both our tests and tests/oracle/subscribe.mjs use, with the same
/// subscribers on both sides: event <c>i</c> (from 1) of a field's stream is <c>{ field: Tick(i) }</c>.
/// </summary>
internal static class TickSchema
{
    public const string Sdl = """
        type Query { ok: Boolean }
        type Subscription {
          ticks(count: Int!): Tick
          required(count: Int!): Tick!
          refused: Tick
          notAStream: Tick
          failingSource(count: Int!): Tick
        }
        type Tick { n: Int! label: String loud: String! }
        """;

    public static Schema Create() => SchemaBuilder.FromSdl(Sdl)
        .BindSubscriber("Subscription", "ticks", c => new(Events("ticks", Count(c))))
        .BindSubscriber("Subscription", "required", c => new(Events("required", Count(c))))
        .BindSubscriber("Subscription", "refused", _ => throw new GraphQLException("Not allowed.", "FORBIDDEN"))
        .BindSubscriber("Subscription", "notAStream", _ => new("hello"))
        .BindSubscriber("Subscription", "failingSource", c => new(Events("failingSource", Count(c), new GraphQLException("Feed lost.", "FEED_LOST"))))
        .Create();

    /// <summary>Tick 1 is whole; tick 2 lacks its non-null <c>loud</c>; tick 3 lacks its non-null <c>n</c>.</summary>
    public static Dictionary<string, object?> Tick(int i) => new()
    {
        ["n"] = i == 3 ? null : i,
        ["label"] = i % 2 == 0 ? null : $"tick {i}",
        ["loud"] = i == 2 ? null : $"TICK {i}",
    };

    private static int Count(IResolverContext context) => context.TryGetArgument("count", out var count) ? (int)count! : 0;

    private static async IAsyncEnumerable<object?> Events(string field, int count, Exception? end = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 1; i <= count; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new Dictionary<string, object?> { [field] = Tick(i) };
        }

        if (end is not null)
        {
            throw end;
        }
    }
}
