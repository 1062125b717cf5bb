using System.Buffers;
using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Execution;

namespace Voting.GraphQL.Server;

/// <summary>
/// The endpoint of GraphQL over HTTP (<see href="https://graphql.github.io/graphql-over-http/draft/"/>): GET and
/// POST, content negotiation, the body limit, and the status codes the specification gives each outcome per
/// media type. Results are written with <see cref="Utf8JsonWriter"/> straight into the response's pipe.
/// </summary>
internal sealed class GraphQLHttpHandler(GraphQLRequestExecutor executor, int maxRequestBytes, IGraphQLIde? ide, string endpointPath, IReadOnlyList<IGraphQLTransport> transports)
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The body is JSON served as JSON, never inlined in HTML, so only what JSON itself requires is escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task HandleAsync(HttpContext context)
    {
        foreach (var transport in transports)
        {
            if (transport.Accepts(context))
            {
                await transport.HandleAsync(context, executor).ConfigureAwait(false);
                return;
            }
        }

        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if (isGet && request.Query.ContainsKey("sdl"))
        {
            await WriteSdlAsync(context).ConfigureAwait(false);
            return;
        }

        // A browser opening the endpoint gets the IDE; a GET that carries a GraphQL request never does.
        var accept = request.Headers.Accept;
        if ((isGet || HttpMethods.IsHead(request.Method)) && ide is not null
            && !request.Query.ContainsKey("query") && !request.Query.ContainsKey("extensions") && MediaTypes.AcceptsHtml(accept)
            && await ide.TryServeAsync(context, endpointPath).ConfigureAwait(false))
        {
            return;
        }

        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, ResponseMediaType.Json, $"The GraphQL endpoint answers GET and POST, not {request.Method}.", ErrorCodes.BadRequest).ConfigureAwait(false);
            return;
        }

        if (MediaTypes.Negotiate(accept) is not { } mediaType)
        {
            await WriteErrorAsync(context, StatusCodes.Status406NotAcceptable, ResponseMediaType.Json, $"The GraphQL endpoint answers {MediaTypes.GraphQLResponseJson} or {MediaTypes.Json} (UTF-8).", ErrorCodes.BadRequest).ConfigureAwait(false);
            return;
        }

        RequestReadResult read;
        if (isGet)
        {
            read = GraphQLRequestReader.ReadQueryString(request.Query);
        }
        else
        {
            if (!MediaTypes.IsJsonRequest(request.ContentType))
            {
                await WriteErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, mediaType, $"A GraphQL POST body must be {MediaTypes.Json} in UTF-8.", ErrorCodes.BadRequest).ConfigureAwait(false);
                return;
            }

            if (await GraphQLRequestReader.ReadBodyAsync(request, maxRequestBytes, context.RequestAborted).ConfigureAwait(false) is not { } body)
            {
                await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, mediaType, $"The request body is larger than {maxRequestBytes} bytes.", ErrorCodes.RequestTooLarge).ConfigureAwait(false);
                return;
            }

            read = body;
        }

        if (read.Request is not { } graphQLRequest)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, mediaType, read.Problem!, ErrorCodes.BadRequest).ConfigureAwait(false);
            return;
        }

        var outcome = await executor.ExecuteAsync(graphQLRequest, isGet, context.RequestServices, context.User, context.RequestAborted).ConfigureAwait(false);
        if (outcome.Kind == RequestOutcomeKind.MutationOverGet)
        {
            context.Response.Headers.Allow = "POST";
        }

        await WriteResultAsync(context, StatusFor(outcome, mediaType), mediaType, outcome.Result).ConfigureAwait(false);
    }

    /// <summary>
    /// GraphQL over HTTP, "Status Codes": with <c>application/json</c> every well-formed request answers 200, its
    /// errors in the body; with <c>application/graphql-response+json</c> a response without <c>data</c> (a request
    /// error: parse, validation, variable coercion, unknown persisted query) answers 400. A request that is not
    /// well-formed is 400 for both, a mutation over GET 405.
    /// </summary>
    internal static int StatusFor(RequestOutcome outcome, ResponseMediaType mediaType) => outcome.Kind switch
    {
        RequestOutcomeKind.Malformed => StatusCodes.Status400BadRequest,
        RequestOutcomeKind.MutationOverGet => StatusCodes.Status405MethodNotAllowed,
        _ when mediaType == ResponseMediaType.Json || outcome.Result.HasData => StatusCodes.Status200OK,
        _ => StatusCodes.Status400BadRequest,
    };

    private async Task WriteSdlAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(executor.Sdl, context.RequestAborted).ConfigureAwait(false);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, ResponseMediaType mediaType, string message, string code) =>
        WriteResultAsync(context, status, mediaType, ExecutionResult.FromErrors([GraphQLRequestExecutor.Error(message, code)]));

    private static async Task WriteResultAsync(HttpContext context, int status, ResponseMediaType mediaType, ExecutionResult result)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = MediaTypes.ContentType(mediaType);
        var pipe = response.BodyWriter;
        await using (var writer = new Utf8JsonWriter((IBufferWriter<byte>)pipe, WriterOptions))
        {
            ExecutionResultWriter.Write(writer, result);
        }

        await pipe.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
