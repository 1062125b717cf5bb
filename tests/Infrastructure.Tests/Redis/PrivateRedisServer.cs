using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Voting.Infrastructure.Redis;

namespace Voting.Infrastructure.Tests.Redis;

/// <summary>
/// A redis-server of the test's own, started as a child process on a free loopback port, so a test can kill it,
/// restart it on the same port, or run it with settings the shared server must not have (a password, TLS, DEBUG).
/// </summary>
internal sealed class PrivateRedisServer : IAsyncDisposable
{
    private readonly string[] _arguments;
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("voting-redis-").FullName;
    private Process? _process;

    private PrivateRedisServer(bool tls, Func<string, string[]> arguments)
    {
        Port = FreePort();
        TlsPort = tls ? FreePort() : 0;
        _arguments = tls
            ? ["--tls-port", TlsPort.ToString(CultureInfo.InvariantCulture), .. arguments(_directory)]
            : arguments(_directory);
    }

    public int Port { get; }

    /// <summary>The TLS port, for a server from <see cref="StartTlsAsync"/>.</summary>
    public int TlsPort { get; }

    public static async Task<PrivateRedisServer> StartAsync(params string[] arguments)
    {
        var server = new PrivateRedisServer(tls: false, _ => arguments);
        await server.StartAsync();
        return server;
    }

    /// <summary>A server with a TLS port too; <paramref name="tlsArguments"/> gets the server's folder and names the certificate files in it.</summary>
    public static async Task<PrivateRedisServer> StartTlsAsync(Func<string, string[]> tlsArguments)
    {
        var server = new PrivateRedisServer(tls: true, tlsArguments);
        await server.StartAsync();
        return server;
    }

    public RedisOptions Options(string extra = "") =>
        RedisOptions.Parse($"127.0.0.1:{Port},connectTimeout=10000,syncTimeout=60000,reconnectMinDelay=50,reconnectMaxDelay=500{extra}");

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--bind", "127.0.0.1", "--port", Port.ToString(CultureInfo.InvariantCulture),
                     "--save", "", "--appendonly", "no", "--dir", _directory, .. _arguments])
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited at start with code {_process.ExitCode} (arguments: {string.Join(' ', start.ArgumentList)}).");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(25);
            }
        }

        throw new InvalidOperationException($"redis-server did not listen on {Port}.");
    }

    /// <summary>SIGKILL: the server vanishes mid-use, as in a crash.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>SIGSTOP: the server keeps its sockets open but answers nothing, like a frozen host.</summary>
    public Task FreezeAsync() => SignalAsync("-STOP");

    /// <summary>SIGCONT after <see cref="FreezeAsync"/>.</summary>
    public Task ThawAsync() => SignalAsync("-CONT");

    public async ValueTask DisposeAsync()
    {
        await ThawAsync();
        await KillAsync();
        _process?.Dispose();
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private async Task SignalAsync(string signal)
    {
        if (_process is { HasExited: false } process)
        {
            using var kill = Process.Start("kill", [signal, process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
