using System.Globalization;

namespace Voting.Benchmarks.WebSockets;

/// <summary>The command line: a mode, then <c>--name value</c> pairs.</summary>
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
            throw new ArgumentException("Usage: LoadClient fanout|idle --url ws://host:port/graphql [--name value]...");
        }

        var options = new Options(args[0]);
        for (var i = 1; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected --name, found '{args[i]}'.");
            }

            options._values[args[i][2..]] = args[i + 1];
        }

        return options;
    }

    public string Text(string name, string? fallback = null)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var value) ? value : fallback ?? throw new ArgumentException($"--{name} is required.");
    }

    public double Number(string name, double fallback) =>
        _values.ContainsKey(name) ? double.Parse(Text(name), CultureInfo.InvariantCulture) : Read(name, fallback);

    public int Integer(string name, int fallback) =>
        _values.ContainsKey(name) ? int.Parse(Text(name), CultureInfo.InvariantCulture) : Read(name, fallback);

    public TimeSpan Seconds(string name, double fallback) => TimeSpan.FromSeconds(Number(name, fallback));

    /// <summary>Refuses options that no mode reads: a misspelt knob must not pass silently.</summary>
    public void CheckAllRead()
    {
        var unknown = _values.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s) for {Mode}: {string.Join(", ", unknown.Select(k => "--" + k))}.");
        }
    }

    private T Read<T>(string name, T fallback)
    {
        _read.Add(name);
        return fallback;
    }
}
