namespace Voting.GraphQL.Errors;

/// <summary>
/// The <c>extensions.code</c> values the engine itself gives errors. Apollo's names where Apollo has
/// one (clients already branch on them); one code per limit so a client can tell which it broke.
/// </summary>
public static class ErrorCodes
{
    /// <summary>The document does not parse (spec 2).</summary>
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";

    /// <summary>The document breaks a validation rule (spec 5).</summary>
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";

    /// <summary>Variable values or the operation name do not fit the document (spec 6.1, 6.1.2).</summary>
    public const string BadUserInput = "BAD_USER_INPUT";

    /// <summary>The request itself is malformed (no query, wrong JSON shape).</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>The operation is not allowed here, e.g. a mutation over GET.</summary>
    public const string OperationNotAllowed = "OPERATION_NOT_ALLOWED";

    /// <summary>A resolver failed with an exception the engine does not know: "Unexpected Execution Error".</summary>
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";

    /// <summary>A resolver returned null for a non-null field (spec 6.4.4).</summary>
    public const string NonNullViolation = "NON_NULL_VIOLATION";

    /// <summary>A resolver returned a value its type cannot represent (spec 6.4.3 CompleteValue).</summary>
    public const string InvalidResult = "INVALID_RESULT";

    /// <summary>The execution ran past its time limit.</summary>
    public const string ExecutionTimeout = "EXECUTION_TIMEOUT";

    /// <summary>The client went away or the request was cancelled.</summary>
    public const string Cancelled = "REQUEST_CANCELLED";

    /// <summary>Apollo's automatic persisted queries: the hash is unknown, send the query with it.</summary>
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";

    /// <summary>The query sent with a persisted-query hash does not hash to it.</summary>
    public const string PersistedQueryHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";

    /// <summary>Introspection is turned off by configuration.</summary>
    public const string IntrospectionDisabled = "INTROSPECTION_DISABLED";

    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";

    public const string MaxAliasesExceeded = "MAX_ALIASES_EXCEEDED";

    public const string MaxDirectivesExceeded = "MAX_DIRECTIVES_EXCEEDED";

    public const string MaxTokensExceeded = "MAX_TOKENS_EXCEEDED";

    public const string MaxCostExceeded = "MAX_COST_EXCEEDED";

    public const string MaxValidationErrorsExceeded = "MAX_VALIDATION_ERRORS_EXCEEDED";

    public const string RequestTooLarge = "REQUEST_TOO_LARGE";

    /// <summary>
    /// A subscriber missed events the topic can no longer give it (beyond the replay window, or its
    /// buffer overflowed on a log topic): it must refetch its state, then subscribe again.
    /// </summary>
    public const string ResyncRequired = "RESYNC_REQUIRED";

    /// <summary>An authorized field (<c>@authorize</c>) was asked for by a request with no authenticated user: sign in, then retry.</summary>
    public const string AuthNotAuthenticated = "AUTH_NOT_AUTHENTICATED";

    /// <summary>The authenticated user lacks the role or fails the policy an authorized field (<c>@authorize</c>) asks for.</summary>
    public const string AuthNotAuthorized = "AUTH_NOT_AUTHORIZED";
}
