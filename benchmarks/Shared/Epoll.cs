using System.Buffers.Binary;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Voting.Benchmarks;

/// <summary>
/// Linux's epoll(7), level-triggered, for sockets that wait for an answer: the event loop asks which of them
/// can be read, with nothing between it and the kernel (the runtime's socket engine costs several µs of CPU
/// per operation in its queues, contexts and continuations, and a wasted <c>recv</c> per answer). Shared (linked)
/// by the vote and chat load clients.
/// </summary>
internal sealed partial class Epoll : IDisposable
{
    private const int CloseOnExec = 0x80000;
    private const int Add = 1;
    private const int Delete = 2;
    private const uint Readable = 0x001;
    private const uint Hangup = 0x2000;

    /// <summary>struct epoll_event: a u32 of events then a u64 of data, packed on x86-64 (12 bytes), aligned elsewhere (16).</summary>
    private static readonly int EventSize = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;

    private static readonly int DataOffset = EventSize - 8;

    private readonly int _fd;
    private readonly byte[] _events;

    public Epoll(int capacity)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The load client's event loop runs on Linux (epoll).");
        }

        _fd = Check(epoll_create1(CloseOnExec), "epoll_create1");
        _events = new byte[capacity * EventSize];
    }

    /// <summary>Watches <paramref name="socket"/> for bytes to read (or its end), reported as <paramref name="id"/>.</summary>
    public void Watch(Socket socket, int id)
    {
        Span<byte> entry = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(entry, Readable | Hangup);
        BinaryPrimitives.WriteUInt64LittleEndian(entry[DataOffset..], (ulong)id);
        Check(epoll_ctl(_fd, Add, (int)socket.Handle, ref MemoryMarshal.GetReference(entry)), "epoll_ctl");
    }

    /// <summary>Before the socket closes: closing would also end the watch, but only once no other reference to it is open.</summary>
    public void Forget(Socket socket)
    {
        Span<byte> entry = stackalloc byte[16];
        epoll_ctl(_fd, Delete, (int)socket.Handle, ref MemoryMarshal.GetReference(entry));
    }

    /// <summary>Waits up to <paramref name="timeoutMs"/> for readable sockets; their ids go to <paramref name="ids"/>, and their count is returned.</summary>
    public int Wait(Span<int> ids, int timeoutMs)
    {
        var count = epoll_wait(_fd, ref MemoryArrayStart(), Math.Min(ids.Length, _events.Length / EventSize), timeoutMs);
        if (count < 0)
        {
            // EINTR (a signal, the debugger): nothing ready this time.
            return Marshal.GetLastPInvokeError() == 4 ? 0 : Check(count, "epoll_wait");
        }

        for (var i = 0; i < count; i++)
        {
            ids[i] = (int)BinaryPrimitives.ReadUInt64LittleEndian(_events.AsSpan((i * EventSize) + DataOffset));
        }

        return count;
    }

    public void Dispose() => close(_fd);

    private ref byte MemoryArrayStart() => ref MemoryMarshal.GetArrayDataReference(_events);

    private static int Check(int result, string call) =>
        result >= 0 ? result : throw new SocketException(Marshal.GetLastPInvokeError(), $"{call} failed");

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_create1(int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_ctl(int epfd, int op, int fd, ref byte @event);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_wait(int epfd, ref byte events, int maxEvents, int timeout);

    [LibraryImport("libc")]
    private static partial int close(int fd);
}
