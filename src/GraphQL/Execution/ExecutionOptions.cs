using Voting.GraphQL.Errors;

namespace Voting.GraphQL.Execution;

/// <summary>How one execution runs: its time limit and how much of a resolver's failure the client sees.</summary>
public sealed record ExecutionOptions
{
    public static ExecutionOptions Default { get; } = new();

    /// <summary>
    /// The execution's time limit; past it, resolvers see their cancellation token fire and the
    /// response is an <see cref="ErrorCodes.ExecutionTimeout"/> error. Null means none.
    /// </summary>
    public TimeSpan? Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Development only: an unexpected exception's message, type and stack trace go into the error's
    /// extensions. In production the client sees "Unexpected Execution Error" and its code, nothing more.
    /// </summary>
    public bool IncludeExceptionDetails { get; init; }

    /// <summary>
    /// Turns exceptions the application knows (its own typed errors) into <see cref="GraphQLException"/>
    /// with a client-facing message and code; null for an exception it does not know, which then
    /// becomes "Unexpected Execution Error". This is where domain error codes reach <c>extensions.code</c>.
    /// </summary>
    public Func<Exception, GraphQLException?>? TranslateException { get; init; }

    /// <summary>Called with every unexpected exception a resolver throws (the server logs them here).</summary>
    public Action<Exception, GraphQLError>? OnUnexpectedError { get; init; }
}
