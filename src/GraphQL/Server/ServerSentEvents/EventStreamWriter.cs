using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Voting.GraphQL.Execution;

namespace Voting.GraphQL.Server.ServerSentEvents;

/// <summary>
/// Writes events in the <c>text/event-stream</c> format (HTML, "Server-sent events"): <c>event:</c> and one
/// <c>data:</c> line, a blank line ending each, flushed at once. The results' JSON is written unindented, and JSON
/// escapes every line break inside strings, so a result is always one <c>data:</c> line. Writes are serialised, as
/// the keep-alive comments come from another task than the events.
/// </summary>
internal sealed class EventStreamWriter(HttpResponse response, CancellationToken cancellationToken) : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The stream is read as JSON by the client's parser, never inlined in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly byte[] NextPrefix = "event: next\ndata: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] Complete = "event: complete\ndata:\n\n"u8.ToArray();
    private static readonly byte[] Comment = ":\n\n"u8.ToArray();

    private readonly SemaphoreSlim _lock = new(1, 1);

    /// <summary>A <c>next</c> event carrying the result.</summary>
    public async Task NextAsync(ExecutionResult result)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var pipe = response.BodyWriter;
            pipe.Write(NextPrefix);
            await using (var writer = new Utf8JsonWriter((IBufferWriter<byte>)pipe, WriterOptions))
            {
                ExecutionResultWriter.Write(writer, result);
            }

            pipe.Write(EventEnd);
            await pipe.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>The <c>complete</c> event: the operation has no more results.</summary>
    public Task CompleteAsync() => WriteAsync(Complete);

    /// <summary>A comment line, which clients ignore; it keeps proxies from closing an idle stream.</summary>
    public Task KeepAliveAsync() => WriteAsync(Comment);

    public void Dispose() => _lock.Dispose();

    private async Task WriteAsync(byte[] bytes)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await response.BodyWriter.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }
}
