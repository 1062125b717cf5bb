using System.Globalization;

namespace Voting.Benchmarks.Votes;

/// <summary>The command line: a mode, then <c>--name value</c> pairs; a name no mode reads is refused.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private Options(string mode) => Mode = mode;

    public string Mode { get; }

    public static Options Parse(string[] args)
    {
        if (args.Length == 0 || args.Length % 2 == 0)
        {
            throw new ArgumentException("Usage: VoteLoadClient setup|cast --url http://host:port/graphql [--name value]...");
        }

        var options = new Options(args[0]);
        for (var i = 1; i < args.Length; i += 2)
        {
            options._values[args[i].StartsWith("--", StringComparison.Ordinal)
                ? args[i][2..]
                : throw new ArgumentException($"Expected --name, found '{args[i]}'.")] = args[i + 1];
        }

        return options;
    }

    public string Text(string name, string? fallback = null)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var value) ? value : fallback ?? throw new ArgumentException($"--{name} is required.");
    }

    public int Integer(string name, int? fallback = null) =>
        int.Parse(Text(name, fallback?.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    public TimeSpan Seconds(string name, double fallback) =>
        TimeSpan.FromSeconds(double.Parse(Text(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture));

    public void CheckAllRead()
    {
        var unknown = _values.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s) for {Mode}: {string.Join(", ", unknown.Select(k => "--" + k))}.");
        }
    }
}
