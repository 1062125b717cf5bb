using System.Security.Claims;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Execution;
using Voting.GraphQL.Language;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;
using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Limits;
using Voting.GraphQL.Validation.Rules;

namespace Voting.GraphQL.Server;

/// <summary>
/// The request pipeline, one per server and schema: resolve an automatic persisted query, parse and validate
/// through the document cache, refuse a mutation over GET, execute. The schema is built when this singleton
/// is first resolved (<see cref="GraphQLEndpointRouteBuilderExtensions.MapGraphQL"/> does so at start-up).
/// Because the cache belongs to this instance and this instance to one schema, a cached validation result is
/// never used against another schema.
/// </summary>
internal sealed partial class GraphQLRequestExecutor
{
    public const string PersistedQueryNotFoundMessage = "PersistedQueryNotFound";
    public const string PersistedQueryHashMismatchMessage = "provided sha does not match query";
    public const string MissingQueryMessage = "Must provide query string.";
    public const string MutationOverGetMessage = "Mutations cannot be sent with GET; use POST.";

    private readonly IPersistedQueryStore _persistedQueries;
    private readonly ParserOptions _parserOptions;
    private readonly ValidationOptions _validationOptions;
    private readonly string _maxTokensMessage;
    private readonly Lazy<string> _sdl;
    private readonly LimitOptions? _limits;

    public GraphQLRequestExecutor(
        GraphQLSchemaSetup schema,
        IOptions<GraphQLServerOptions> options,
        IPersistedQueryStore persistedQueries,
        IHostEnvironment environment,
        ILogger<GraphQLRequestExecutor> logger)
    {
        var settings = options.Value;
        Schema = schema.Create();
        _persistedQueries = persistedQueries;
        Documents = new BoundedCache<string, CachedDocument>(settings.DocumentCacheSize, StringComparer.Ordinal);
        _parserOptions = new ParserOptions
        {
            // The body limit already bounds a POSTed query; this keeps a GET query string to the same size.
            MaxDocumentBytes = settings.MaxRequestBytes,
            MaxTokens = settings.MaxTokens,
            MaxDepth = settings.MaxParserDepth,
        };
        _maxTokensMessage = $"Syntax Error: Document contains more than {settings.MaxTokens} tokens. Parsing aborted.";
        List<Func<ValidationContext, ValidationRule>> rules = [.. SpecifiedRules.All];
        if (!settings.EnableIntrospection)
        {
            rules.Add(c => new IntrospectionDisabledRule(c));
        }

        rules.AddRange(settings.AdditionalRules);
        _validationOptions = new ValidationOptions { MaxErrors = settings.MaxValidationErrors, HideSuggestions = settings.HideSuggestions, Rules = rules };
        ExecutionOptions = new ExecutionOptions
        {
            Timeout = settings.ExecutionTimeout,
            IncludeExceptionDetails = settings.IncludeExceptionDetails ?? environment.IsDevelopment(),
            TranslateException = settings.TranslateException,

            // The client sees "Unexpected Execution Error" at most; the operator needs the exception itself.
            OnUnexpectedError = (exception, error) => LogUnexpectedError(logger, exception, error.Path is { } path ? string.Join('.', path) : null),
        };
        _sdl = new Lazy<string>(() => SchemaPrinter.Print(Schema));
        _limits = settings.Limits;
    }

    public Schema Schema { get; }

    /// <summary>The schema in SDL, printed once.</summary>
    public string Sdl => _sdl.Value;

    /// <summary>What every execution runs with: the timeout and whether exception details are shown.</summary>
    internal ExecutionOptions ExecutionOptions { get; }

    /// <summary>Parsed documents and their validation results by query hash; its counters show hits and misses.</summary>
    internal BoundedCache<string, CachedDocument> Documents { get; }

    /// <summary>Runs a query or mutation request end to end: prepare (cache, APQ, validation, limits), then execute as <paramref name="user"/>.</summary>
    public async ValueTask<RequestOutcome> ExecuteAsync(GraphQLRequest request, bool viaGet, IServiceProvider? services, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(request, viaGet, cancellationToken).ConfigureAwait(false);
        if (prepared.Failure is { } failure)
        {
            return failure;
        }

        var result = await Executor.ExecuteAsync(CreateExecutionRequest(prepared.Document!, request, services, user), cancellationToken).ConfigureAwait(false);
        return new RequestOutcome(RequestOutcomeKind.Executed, result);
    }

    /// <summary>
    /// Finds (or parses) the request's document, applies persisted queries, validation and the limits;
    /// either the outcome to answer with, or the execution request to run (queries, mutations and, for
    /// the streaming transports, subscriptions through <see cref="Executor.SubscribeAsync"/>).
    /// </summary>
    public async ValueTask<PreparedRequest> PrepareAsync(GraphQLRequest request, bool viaGet, CancellationToken cancellationToken)
    {
        var query = request.Query;
        string? hash = null;
        var persist = false;
        CachedDocument? cached = null;
        if (request.Extensions is { } extensions && extensions.TryGetValue("persistedQuery", out var persistedQuery) && persistedQuery is not null)
        {
            if (!TryReadPersistedQuery(persistedQuery, out hash, out var problem))
            {
                return new PreparedRequest(Malformed(problem), null);
            }

            if (query is null)
            {
                if (!Documents.TryGet(hash, out cached))
                {
                    query = await _persistedQueries.TryGetAsync(hash, cancellationToken).ConfigureAwait(false);
                    if (query is null)
                    {
                        return new PreparedRequest(Failed([Error(PersistedQueryNotFoundMessage, ErrorCodes.PersistedQueryNotFound)]), null);
                    }
                }
            }
            else
            {
                if (!string.Equals(QueryHash.Compute(query), hash, StringComparison.Ordinal))
                {
                    return new PreparedRequest(new RequestOutcome(RequestOutcomeKind.Malformed, ExecutionResult.FromErrors([Error(PersistedQueryHashMismatchMessage, ErrorCodes.PersistedQueryHashMismatch)])), null);
                }

                persist = true;
            }
        }

        if (cached is null)
        {
            if (query is null)
            {
                return new PreparedRequest(Malformed(MissingQueryMessage), null);
            }

            hash ??= QueryHash.Compute(query);
            if (!Documents.TryGet(hash, out cached))
            {
                cached = Parse(query);
                Documents.Set(hash, cached);
            }
        }

        if (cached.Document is not { } document)
        {
            return new PreparedRequest(Failed([cached.SyntaxError!]), null);
        }

        // GraphQL over HTTP: "GET requests MUST NOT be used for executing mutation operations ... the server MUST
        // respond with error status code 405" - checked before validation, so it holds whatever else is wrong.
        if (viaGet && Executor.GetOperation(document, request.OperationName) is { Operation: OperationType.Mutation })
        {
            return new PreparedRequest(new RequestOutcome(RequestOutcomeKind.MutationOverGet, ExecutionResult.FromErrors([Error(MutationOverGetMessage, ErrorCodes.OperationNotAllowed)])), null);
        }

        var validationErrors = cached.ValidationErrors ??= Validate(document);
        if (validationErrors.Count > 0)
        {
            return new PreparedRequest(Failed(validationErrors), null);
        }

        if (_limits?.MaxFieldCost is { } maxCost && request.Variables is { Count: > 0 } variables
            && Executor.GetOperation(document, request.OperationName) is { VariableDefinitions.Count: > 0 } operation)
        {
            var cost = CostAnalyzer.Compute(Schema, document, request.OperationName, variables, _limits);
            if (cost > maxCost)
            {
                return new PreparedRequest(Failed([WithCode(CostAnalyzer.CostExceededError(operation, cost, maxCost), ErrorCodes.MaxCostExceeded)]), null);
            }
        }

        if (persist)
        {
            // Only a document that validated is worth keeping: the store never fills with rejected queries.
            await _persistedQueries.SaveAsync(hash!, query!, cancellationToken).ConfigureAwait(false);
        }

        return new PreparedRequest(null, document);
    }

    /// <summary>
    /// What the executor runs for a prepared document: this server's schema and execution options, the
    /// request's services and user (a transport passes <c>HttpContext.User</c>, which authentication set).
    /// </summary>
    public ExecutionRequest CreateExecutionRequest(DocumentNode document, GraphQLRequest request, IServiceProvider? services, ClaimsPrincipal? user) => new()
    {
        Schema = Schema,
        Document = document,
        OperationName = request.OperationName,
        VariableValues = request.Variables,
        Services = services,
        User = user,
        Options = ExecutionOptions,
    };

    /// <summary>An error a client can branch on: the message and <c>extensions.code</c>.</summary>
    internal static GraphQLError Error(string message, string code) =>
        new(message, extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code });

    private static RequestOutcome Malformed(string message) =>
        new(RequestOutcomeKind.Malformed, ExecutionResult.FromErrors([Error(message, ErrorCodes.BadRequest)]));

    private static RequestOutcome Failed(IReadOnlyList<GraphQLError> errors) =>
        new(RequestOutcomeKind.DocumentFailed, ExecutionResult.FromErrors(errors));

    /// <summary>Apollo's <c>{"version": 1, "sha256Hash": "..."}</c>; the hash is compared in lowercase.</summary>
    private static bool TryReadPersistedQuery(object persistedQuery, out string hash, out string problem)
    {
        hash = string.Empty;
        problem = string.Empty;
        if (persistedQuery is not IReadOnlyDictionary<string, object?> fields)
        {
            problem = "The \"persistedQuery\" extension must be an object.";
            return false;
        }

        if (!fields.TryGetValue("version", out var version) || !IsOne(version))
        {
            problem = "Unsupported persisted query version";
            return false;
        }

        if (!fields.TryGetValue("sha256Hash", out var sha) || sha is not string text || text.Length == 0)
        {
            problem = "The \"persistedQuery\" extension needs a \"sha256Hash\" string.";
            return false;
        }

        hash = text.ToLowerInvariant();
        return true;
    }

    private static bool IsOne(object? value) => value switch
    {
        int i => i == 1,
        long l => l == 1,
        double d => d == 1,
        decimal m => m == 1,
        _ => false,
    };

    private CachedDocument Parse(string query)
    {
        try
        {
            return CachedDocument.Parsed(Parser.Parse(query, _parserOptions));
        }
        catch (GraphQLSyntaxException syntax)
        {
            // The parser reports its token limit as a syntax error; its code tells a client which limit it hit.
            var code = syntax.Error.Message == _maxTokensMessage ? ErrorCodes.MaxTokensExceeded : ErrorCodes.ParseFailed;
            return CachedDocument.Failed(WithCode(syntax.Error, code));
        }
    }

    private IReadOnlyList<GraphQLError> Validate(DocumentNode document)
    {
        var errors = DocumentValidator.Validate(Schema, document, _validationOptions);
        if (errors.Count == 0)
        {
            return [];
        }

        var shown = new GraphQLError[errors.Count];
        for (var i = 0; i < shown.Length; i++)
        {
            var error = errors[i];
            var code = error.Extensions?.GetValueOrDefault("code") as string
                ?? (error.Message == DocumentValidator.TooManyErrorsMessage ? ErrorCodes.MaxValidationErrorsExceeded : ErrorCodes.ValidationFailed);
            shown[i] = WithCode(error, code);
        }

        return shown;
    }

    /// <summary>
    /// The error as clients see it: the same message and locations, <c>extensions.code</c> set, and the
    /// validator's internal <c>rule</c> entry left out (it names our classes, which clients must not rely on).
    /// </summary>
    private static GraphQLError WithCode(GraphQLError error, string code)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code };
        if (error.Extensions is { } existing)
        {
            foreach (var (key, value) in existing)
            {
                if (key is not ("code" or DocumentValidator.RuleExtension))
                {
                    extensions[key] = value;
                }
            }
        }

        return new GraphQLError(error.Message, error.Locations, error.Path, extensions);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "A resolver failed unexpectedly at {Path}")]
    private static partial void LogUnexpectedError(ILogger logger, Exception exception, string? path);
}
