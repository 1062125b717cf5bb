using System.Net;
using System.Net.Sockets;

namespace Voting.Benchmarks.WebSockets;

/// <summary>Opens many subscribers a bounded number at a time over one shared handler.</summary>
internal static class Connections
{
    /// <summary>
    /// One handler for every connection. Source addresses rotate over 127.0.0.1 to 127.0.0.<paramref name="sourceAddresses"/>
    /// (all loopback on Linux), so that many connections to one port never run out of ephemeral ports.
    /// </summary>
    public static HttpMessageInvoker CreateInvoker(int sourceAddresses)
    {
        var next = 0;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectTimeout = TimeSpan.FromSeconds(30),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    var source = (Interlocked.Increment(ref next) % sourceAddresses) + 1;
                    socket.Bind(new IPEndPoint(new IPAddress([127, 0, 0, (byte)source]), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpMessageInvoker(handler);
    }

    /// <summary>Opens <paramref name="count"/> subscribers, <paramref name="parallel"/> at a time; the ones that fail to open are counted as failures.</summary>
    public static async Task<List<Subscriber>> OpenAsync(
        int count, int parallel, Uri url, HttpMessageInvoker invoker, LatencyRecorder recorder, Failures failures, CancellationToken cancellationToken)
    {
        var opened = new List<Subscriber>(count);
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken }, async (_, ct) =>
        {
            try
            {
                var subscriber = await Subscriber.OpenAsync(url, invoker, recorder, failures, ct).ConfigureAwait(false);
                lock (opened)
                {
                    opened.Add(subscriber);
                }
            }
            catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or HttpRequestException or IOException or SocketException)
            {
                failures.Add($"could not open a subscriber: {e.Message}");
            }
        }).ConfigureAwait(false);
        return opened;
    }

    public static Task CloseAsync(IEnumerable<Subscriber> subscribers, int parallel) =>
        Parallel.ForEachAsync(subscribers, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (s, _) => await s.CloseAsync().ConfigureAwait(false));
}
