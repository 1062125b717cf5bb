using System.Globalization;

namespace Voting.Benchmarks.Chat;

/// <summary>
/// CPU time (user + system) of a process and its children, and its resident memory, from /proc. Children
/// count because PostgreSQL serves each connection from a child of the postmaster: live ones are read
/// directly, the ones that ended through the postmaster's cutime and cstime (the children it reaped).
/// </summary>
internal sealed class ProcessStats(string name, int pid)
{
    // USER_HZ: the unit of utime and stime; 100 on every Linux the benchmark runs on.
    private const double TicksPerSecond = 100;

    public string Name => name;

    public TimeSpan Cpu()
    {
        long ticks = 0;
        foreach (var id in new[] { pid }.Concat(Children()))
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{id}/stat");

                // The command name (field 2) is parenthesised and may hold spaces: count fields after its ')'.
                // utime and stime; for the process itself also cutime and cstime, the time of the children it
                // has reaped, so a PostgreSQL backend that exits during the window still counts.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                if (id == pid)
                {
                    ticks += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
                // A child that ended between the listing and the read.
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>VmRSS of the process itself, in bytes.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    private IEnumerable<int> Children()
    {
        var path = $"/proc/{pid}/task/{pid}/children";
        return File.Exists(path)
            ? File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture))
            : [];
    }
}
