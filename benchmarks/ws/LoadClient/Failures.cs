namespace Voting.Benchmarks.WebSockets;

/// <summary>Failed deliveries and connections (RESYNC_REQUIRED, error, complete, a closed socket), counted and the first few shown.</summary>
internal sealed class Failures
{
    private const int Shown = 5;
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Add(string what)
    {
        if (Interlocked.Increment(ref _count) <= Shown)
        {
            Console.Error.WriteLine($"  failure: {what}");
        }
    }
}
