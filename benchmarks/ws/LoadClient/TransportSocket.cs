using System.Net.WebSockets;

namespace Voting.Benchmarks.WebSockets;

/// <summary>
/// One graphql-transport-ws client connection, acknowledged. A single loop reads its messages into one
/// buffer that grows to the largest message seen; pings get their pong there, so nothing else sends
/// on the socket except the owner's own messages before the loop starts or from within it.
/// </summary>
internal sealed class TransportSocket : IDisposable
{
    private readonly ClientWebSocket _socket;
    private byte[] _buffer = new byte[1024];

    private TransportSocket(ClientWebSocket socket) => _socket = socket;

    public WebSocket Socket => _socket;

    /// <summary>Connects, sends <c>connection_init</c> (with <paramref name="init"/> when given) and waits for <c>connection_ack</c>.</summary>
    public static async Task<TransportSocket> ConnectAsync(Uri url, HttpMessageInvoker invoker, CancellationToken cancellationToken, byte[]? init = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(Protocol.SubProtocol);

        // The client sends no keep-alive of its own: an idle connection stays idle (the server's pings are answered).
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        var connection = new TransportSocket(socket);
        try
        {
            await socket.ConnectAsync(url, invoker, cancellationToken).ConfigureAwait(false);
            await Protocol.SendAsync(socket, init ?? Protocol.ConnectionInit.ToArray(), cancellationToken).ConfigureAwait(false);
            while (true)
            {
                var message = await connection.ReceiveAsync(cancellationToken).ConfigureAwait(false)
                    ?? throw new WebSocketException("The server closed the connection before connection_ack.");
                var type = Protocol.Type(message.Span);
                if (type.SequenceEqual("connection_ack"u8))
                {
                    return connection;
                }

                if (!type.SequenceEqual("ping"u8))
                {
                    throw new WebSocketException($"Expected connection_ack, received {Protocol.Show(message.Span)}");
                }

                await Protocol.SendAsync(socket, Protocol.Pong.ToArray(), cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The next whole message (valid until the next call), or null when the server closed.</summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        while (true)
        {
            if (count == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var result = await _socket.ReceiveAsync(_buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            count += result.Count;
            if (result.EndOfMessage)
            {
                return _buffer.AsMemory(0, count);
            }
        }
    }

    public ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken) =>
        Protocol.SendAsync(_socket, message, cancellationToken);

    /// <summary>Closes without waiting for the server's answer; the socket is then disposed.</summary>
    public async Task CloseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already gone.
        }
        finally
        {
            _socket.Abort();
            _socket.Dispose();
        }
    }

    public void Dispose() => _socket.Dispose();
}
