using Voting.GraphQL.Execution;

namespace Voting.GraphQL.Server;

/// <summary>What became of a request, which with the response media type decides the HTTP status.</summary>
internal enum RequestOutcomeKind
{
    /// <summary>The operation ran, or the executor refused it (unknown operation, variables that do not coerce).</summary>
    Executed,

    /// <summary>The document did not parse or validate, or its persisted query is unknown: a GraphQL request error.</summary>
    DocumentFailed,

    /// <summary>The HTTP request does not carry a well-formed GraphQL request (no query, a hash that does not match).</summary>
    Malformed,

    /// <summary>A mutation was asked for with GET.</summary>
    MutationOverGet,
}

/// <summary>The result to write and what kind of outcome it is.</summary>
internal readonly record struct RequestOutcome(RequestOutcomeKind Kind, ExecutionResult Result);
