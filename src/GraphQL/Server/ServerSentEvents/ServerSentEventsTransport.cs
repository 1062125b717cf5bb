using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Execution;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Server.ServerSentEvents;

/// <summary>
/// GraphQL over Server-Sent Events, "distinct connections mode" (<see href="https://github.com/enisdenjo/graphql-sse/blob/master/PROTOCOL.md"/>):
/// one GET or POST per operation whose <c>Accept</c> includes <c>text/event-stream</c>, answered with its results as
/// <c>next</c> events, then <c>complete</c>, then the end of the response. The client ends a subscription by closing
/// the connection, which cancels <see cref="HttpContext.RequestAborted"/> and so disposes the source stream.
/// </summary>
internal sealed class ServerSentEventsTransport(IOptions<ServerSentEventsOptions> options, IOptions<GraphQLServerOptions> serverOptions) : IGraphQLTransport
{
    public const string EventStream = "text/event-stream";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public bool Accepts(HttpContext context)
    {
        var request = context.Request;
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsPost(request.Method))
            && MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var ranges)
            && ranges.Any(r => r.MediaType.Equals(EventStream, StringComparison.OrdinalIgnoreCase) && (r.Quality ?? 1.0) > 0);
    }

    public async Task HandleAsync(HttpContext context, GraphQLRequestExecutor executor)
    {
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        var token = context.RequestAborted;

        // What is not a GraphQL request at all is refused as GraphQL over HTTP refuses it, before any stream starts.
        RequestReadResult read;
        if (isGet)
        {
            read = GraphQLRequestReader.ReadQueryString(request.Query);
        }
        else
        {
            if (!MediaTypes.IsJsonRequest(request.ContentType))
            {
                await WriteJsonErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, $"A GraphQL POST body must be {MediaTypes.Json} in UTF-8.", ErrorCodes.BadRequest).ConfigureAwait(false);
                return;
            }

            var maxBytes = serverOptions.Value.MaxRequestBytes;
            if (await GraphQLRequestReader.ReadBodyAsync(request, maxBytes, token).ConfigureAwait(false) is not { } body)
            {
                await WriteJsonErrorAsync(context, StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {maxBytes} bytes.", ErrorCodes.RequestTooLarge).ConfigureAwait(false);
                return;
            }

            read = body;
        }

        if (read.Request is not { } graphQLRequest)
        {
            await WriteJsonErrorAsync(context, StatusCodes.Status400BadRequest, read.Problem!, ErrorCodes.BadRequest).ConfigureAwait(false);
            return;
        }

        var prepared = await executor.PrepareAsync(graphQLRequest, isGet, token).ConfigureAwait(false);
        if (prepared.Failure is { Kind: RequestOutcomeKind.Malformed or RequestOutcomeKind.MutationOverGet } refused)
        {
            if (refused.Kind == RequestOutcomeKind.MutationOverGet)
            {
                context.Response.Headers.Allow = "POST";
            }

            await WriteJsonAsync(context, GraphQLHttpHandler.StatusFor(refused, ResponseMediaType.Json), refused.Result).ConfigureAwait(false);
            return;
        }

        try
        {
            await StreamAsync(context, executor, graphQLRequest, prepared, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The client closed the connection: that is how it ends a subscription.
        }
    }

    /// <summary>
    /// The protocol: "Validation steps that run before execution of the GraphQL operation MUST report errors through
    /// an accepted SSE connection by emitting next events that contain the errors in the data field."
    /// </summary>
    private async Task StreamAsync(HttpContext context, GraphQLRequestExecutor executor, GraphQLRequest request, PreparedRequest prepared, CancellationToken token)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = EventStream + "; charset=utf-8";
        response.Headers.CacheControl = "no-cache";

        // nginx buffers a proxied response unless told not to; events must reach the client as they are written.
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(token).ConfigureAwait(false);

        using var events = new EventStreamWriter(response, token);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        var keepAlive = options.Value.KeepAliveInterval is { } interval ? KeepAliveAsync(events, interval, stop.Token) : Task.CompletedTask;
        try
        {
            if (prepared.Failure is { } failure)
            {
                await events.NextAsync(failure.Result).ConfigureAwait(false);
            }
            else
            {
                var execution = executor.CreateExecutionRequest(prepared.Document!, request, context.RequestServices, context.User);
                if (Executor.GetOperation(prepared.Document!, request.OperationName) is { Operation: OperationType.Subscription })
                {
                    var subscription = await Executor.SubscribeAsync(execution, token).ConfigureAwait(false);
                    if (!subscription.IsStream)
                    {
                        await events.NextAsync(subscription.RequestError).ConfigureAwait(false);
                    }
                    else
                    {
                        // The token already ends the response stream (Subscribe was given it): no second registration.
                        await foreach (var result in subscription.Responses.ConfigureAwait(false))
                        {
                            await events.NextAsync(result).ConfigureAwait(false);
                        }
                    }
                }
                else
                {
                    await events.NextAsync(await Executor.ExecuteAsync(execution, token).ConfigureAwait(false)).ConfigureAwait(false);
                }
            }

            await events.CompleteAsync().ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await keepAlive.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task KeepAliveAsync(EventStreamWriter events, TimeSpan interval, CancellationToken token)
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
        {
            await events.KeepAliveAsync().ConfigureAwait(false);
        }
    }

    private static Task WriteJsonErrorAsync(HttpContext context, int status, string message, string code) =>
        WriteJsonAsync(context, status, ExecutionResult.FromErrors([GraphQLRequestExecutor.Error(message, code)]));

    private static async Task WriteJsonAsync(HttpContext context, int status, ExecutionResult result)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = MediaTypes.JsonUtf8;
        var pipe = response.BodyWriter;
        await using (var writer = new Utf8JsonWriter((IBufferWriter<byte>)pipe, WriterOptions))
        {
            ExecutionResultWriter.Write(writer, result);
        }

        await pipe.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
