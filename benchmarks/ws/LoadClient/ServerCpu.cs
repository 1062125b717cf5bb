using System.Globalization;

namespace Voting.Benchmarks.WebSockets;

/// <summary>A process's CPU time so far (user + system), from /proc/PID/stat.</summary>
internal sealed class ServerCpu(int pid)
{
    // USER_HZ: the unit of utime and stime; 100 on every Linux the benchmark runs on.
    private const double TicksPerSecond = 100;

    public TimeSpan Read()
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");

        // The command name (field 2) is parenthesised and may hold spaces: count fields after its ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
