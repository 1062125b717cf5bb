using System.Diagnostics.CodeAnalysis;

namespace Voting.GraphQL.Execution;

/// <summary>
/// What <see cref="Executor.SubscribeAsync"/> gives (spec 6.2.3 Subscribe): either a request error,
/// when the subscription could not start, or the response stream.
/// </summary>
/// <remarks>
/// The response stream's contract, for transports:
/// <list type="bullet">
/// <item>One <see cref="ExecutionResult"/> per source event, in the source's order; each event is
/// executed as the root value of the operation's selection set (spec 6.2.3.2 ExecuteSubscriptionEvent)
/// exactly as a query is: parallel fields, null propagation, field errors with paths, DataLoader
/// batching, a DI scope of its own for the root field, and <see cref="ExecutionOptions.Timeout"/>
/// counted for that event alone (a timed-out event gives an <c>EXECUTION_TIMEOUT</c> result and the
/// stream goes on).</item>
/// <item>When the source stream itself fails (its enumerator throws), the response stream ends with
/// one last result that has no data (<see cref="ExecutionResult.HasData"/> false) and one error,
/// located at the root field, coded as a resolver's failure would be (a <c>GraphQLException</c>'s code,
/// <see cref="ExecutionOptions.TranslateException"/>, else <c>INTERNAL_SERVER_ERROR</c>). graphql-js
/// rethrows instead; a transport needs a message it can send, and can tell this one by the missing data
/// (graphql-transport-ws sends it as <c>error</c>, SSE as a <c>next</c> before <c>complete</c>).</item>
/// <item>Ending it: cancel the token given to <see cref="Executor.SubscribeAsync"/> or to the
/// enumeration, or dispose the enumerator. Either way the source enumerator's token fires and the source
/// enumerator is disposed, and so is the DI scope the source stream was created in. Cancellation
/// while waiting for an event surfaces as <see cref="OperationCanceledException"/>, as for any
/// cancelled .NET enumeration.</item>
/// <item>The stream can be enumerated once, and a transport must enumerate it (or at least get and
/// dispose its enumerator): the source stream's DI scope is released when that enumeration ends.</item>
/// </list>
/// </remarks>
public sealed class SubscriptionResult
{
    private SubscriptionResult(ExecutionResult? requestError, IAsyncEnumerable<ExecutionResult>? responses)
    {
        RequestError = requestError;
        Responses = responses;
    }

    /// <summary>Why the subscription did not start (spec 7.1.1: errors and no data); null for a stream.</summary>
    public ExecutionResult? RequestError { get; }

    /// <summary>The response stream; null when <see cref="RequestError"/> is set.</summary>
    public IAsyncEnumerable<ExecutionResult>? Responses { get; }

    /// <summary>True when the subscription started and <see cref="Responses"/> is the stream.</summary>
    [MemberNotNullWhen(true, nameof(Responses))]
    [MemberNotNullWhen(false, nameof(RequestError))]
    public bool IsStream => Responses is not null;

    /// <summary>A subscription that could not start.</summary>
    public static SubscriptionResult FromRequestError(ExecutionResult requestError)
    {
        ArgumentNullException.ThrowIfNull(requestError);
        return new SubscriptionResult(requestError, null);
    }

    /// <summary>A subscription that started.</summary>
    public static SubscriptionResult FromStream(IAsyncEnumerable<ExecutionResult> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        return new SubscriptionResult(null, responses);
    }
}
