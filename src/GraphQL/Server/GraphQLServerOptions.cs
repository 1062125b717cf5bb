using Voting.GraphQL.Errors;
using Voting.GraphQL.Language;
using Voting.GraphQL.Validation;

namespace Voting.GraphQL.Server;

/// <summary>
/// How the GraphQL endpoint runs: the limits it enforces before a request reaches the executor, its caches,
/// introspection and execution settings. Bound from configuration (section <c>GraphQL</c> in the host) and
/// changed in code with <see cref="GraphQLServerBuilder.ModifyOptions"/>; checked when the host starts.
/// </summary>
public sealed class GraphQLServerOptions
{
    /// <summary>Largest request body accepted, in bytes (1 MiB by default); a larger one gets 413 and <c>REQUEST_TOO_LARGE</c>.</summary>
    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Most lexical tokens a document may have (<see cref="ParserOptions.MaxTokens"/>); past it, <c>MAX_TOKENS_EXCEEDED</c>.</summary>
    public int MaxTokens { get; set; } = ParserOptions.Default.MaxTokens;

    /// <summary>Deepest nesting the parser accepts (<see cref="ParserOptions.MaxDepth"/>).</summary>
    public int MaxParserDepth { get; set; } = ParserOptions.Default.MaxDepth;

    /// <summary>Validation stops after this many errors (<see cref="ValidationOptions.MaxErrors"/>).</summary>
    public int MaxValidationErrors { get; set; } = ValidationOptions.Default.MaxErrors;

    /// <summary>Leave "Did you mean ...?" hints out of validation messages; they name schema members.</summary>
    public bool HideSuggestions { get; set; }

    /// <summary>
    /// Whether <c>__schema</c> and <c>__type</c> may be queried (true by default). When false they fail with
    /// <c>INTROSPECTION_DISABLED</c>; <c>__typename</c> and the SDL at <c>GET /graphql?sdl</c> stay available.
    /// </summary>
    public bool EnableIntrospection { get; set; } = true;

    /// <summary>Rules run after the specified ones (<see cref="SpecifiedRules.All"/>), e.g. depth or cost limits.</summary>
    public IReadOnlyList<Func<ValidationContext, ValidationRule>> AdditionalRules { get; set; } = [];

    /// <summary>Parsed and validated documents kept, keyed by the SHA-256 of their text (256 by default).</summary>
    public int DocumentCacheSize { get; set; } = 256;

    /// <summary>Queries the in-memory persisted query store keeps (1,000 by default).</summary>
    public int PersistedQueryCacheSize { get; set; } = 1000;

    /// <summary>Longest an operation may run (30 s by default); past it the result carries <c>EXECUTION_TIMEOUT</c>. Null: no limit.</summary>
    public TimeSpan? ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Put the message, type and stack of unexpected resolver exceptions in the error's extensions. Null (the
    /// default) means "in the Development environment only", so no stack trace leaves a production server.
    /// </summary>
    public bool? IncludeExceptionDetails { get; set; }

    /// <summary>
    /// Turns the application's own exceptions into <see cref="GraphQLException"/> (message and code for the
    /// client); null for one it does not know, which is then logged and reported as "Unexpected Execution Error".
    /// </summary>
    public Func<Exception, GraphQLException?>? TranslateException { get; set; }
}
