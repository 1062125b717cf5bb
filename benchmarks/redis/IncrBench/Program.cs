using System.Diagnostics;
using System.Globalization;
using Voting.Infrastructure.Redis;

// Usage: IncrBench <redis configuration> [seconds=10] [callers=50] [depth=16] [warmup seconds=3]
// Each caller keeps `depth` INCRs in flight (issues them all, then awaits them all), as redis-benchmark -P 16 does per
// client, and all callers share the client's one multiplexed connection. Prints one line: ops/s.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: IncrBench <host:port[,options]> [seconds] [callers] [depth] [warmup]");
    return 2;
}

var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var callers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50;
var depth = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 16;
var warmup = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 3;

await using var client = await RedisClient.ConnectAsync(RedisOptions.Parse(args[0]));
var counts = new long[callers];
var measuring = false;
var stop = false;

async Task RunCallerAsync(int caller)
{
    var key = "counter:__rand_int__";
    var inFlight = new ValueTask<long>[depth];
    while (!Volatile.Read(ref stop))
    {
        for (var i = 0; i < depth; i++)
        {
            inFlight[i] = client.IncrementAsync(key);
        }

        for (var i = 0; i < depth; i++)
        {
            await inFlight[i];
        }

        if (Volatile.Read(ref measuring))
        {
            counts[caller] += depth;
        }
    }
}

var tasks = Enumerable.Range(0, callers).Select(caller => Task.Run(() => RunCallerAsync(caller))).ToArray();
await Task.Delay(TimeSpan.FromSeconds(warmup));
var gcBefore = GC.CollectionCount(0);
var stopwatch = Stopwatch.StartNew();
Volatile.Write(ref measuring, true);
await Task.Delay(TimeSpan.FromSeconds(seconds));
Volatile.Write(ref measuring, false);
var elapsed = stopwatch.Elapsed;
Volatile.Write(ref stop, true);
await Task.WhenAll(tasks);

var total = counts.Sum();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ours: {total / elapsed.TotalSeconds:F0} ops/s ({total} INCR in {elapsed.TotalSeconds:F1} s, {callers} callers x {depth} in flight, protocol RESP{client.ProtocolVersion}, gen0 GCs {GC.CollectionCount(0) - gcBefore})"));
return 0;
