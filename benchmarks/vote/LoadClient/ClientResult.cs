namespace Voting.Benchmarks.Votes;

/// <summary>
/// What the load loops saw: the latency of each vote answered in the window, errors by code, the acknowledged
/// votes (receipts kept as their UTF-8 bytes, back to back) and the voters left without an answer. Its arrays
/// start with room for a full run's votes (about 100,000 with run.sh's 45 s warm-up) and grow by doubling
/// beyond, so that no vote costs an allocation.
/// </summary>
internal sealed class ClientResult
{
    private const int Votes = 1 << 17;

    private long[] _latencies = new long[Votes];
    private Ack[] _acks = new Ack[Votes];
    private byte[] _receipts = new byte[Votes * 40];
    private int _receiptsUsed;

    public int LatencyCount { get; private set; }

    public int AckCount { get; private set; }

    public Dictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);

    public List<long> Unanswered { get; } = [];

    /// <summary>The connection's tallies, when the loop has ended.</summary>
    public (int Connects, long Receives, (long Chunked, long Length, long Close) Framings) Connection { get; set; }

    /// <summary>Connections opened again after the server closed one (or one broke).</summary>
    public int Reconnects { get; set; }

    /// <summary>How many times the event loop woke with sockets to read: one wake-up per answer costs a context switch each.</summary>
    public long Wakeups { get; set; }

    public ReadOnlySpan<long> Latencies => _latencies.AsSpan(0, LatencyCount);

    public void AddLatency(long ticks)
    {
        if (LatencyCount == _latencies.Length)
        {
            Array.Resize(ref _latencies, _latencies.Length * 2);
        }

        _latencies[LatencyCount++] = ticks;
    }

    public void AddError(string code) => Errors[code] = Errors.GetValueOrDefault(code) + 1;

    /// <summary>Room for the next acknowledged vote's receipt, at least <paramref name="length"/> bytes; <see cref="AddAck"/> keeps what it used.</summary>
    public Span<byte> ReceiptSpace(int length)
    {
        if (_receipts.Length - _receiptsUsed < length)
        {
            Array.Resize(ref _receipts, Math.Max(_receipts.Length * 2, _receiptsUsed + length));
        }

        return _receipts.AsSpan(_receiptsUsed);
    }

    /// <summary>An acknowledged vote whose receipt <see cref="ReceiptSpace"/>'s first <paramref name="receiptLength"/> bytes hold.</summary>
    public void AddAck(long voter, long sequence, int receiptLength)
    {
        if (AckCount == _acks.Length)
        {
            Array.Resize(ref _acks, _acks.Length * 2);
        }

        _acks[AckCount++] = new Ack(voter, sequence, _receiptsUsed, receiptLength);
        _receiptsUsed += receiptLength;
    }

    public (long Voter, long Sequence, ReadOnlyMemory<byte> Receipt) AckAt(int index)
    {
        var ack = _acks[index];
        return (ack.Voter, ack.Sequence, _receipts.AsMemory(ack.ReceiptAt, ack.ReceiptLength));
    }

    private readonly record struct Ack(long Voter, long Sequence, int ReceiptAt, int ReceiptLength);
}
