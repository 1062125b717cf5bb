using System.Globalization;

namespace Voting.Benchmarks;

/// <summary>
/// A load client's command line: a mode, then <c>--name value</c> pairs; a name no mode reads is refused.
/// Shared (linked) by the ws, vote and chat load clients.
/// </summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private Options(string mode) => Mode = mode;

    public string Mode { get; }

    /// <summary>
    /// Parses <paramref name="args"/>, picks the mode's run from <paramref name="modes"/>, refuses options it does
    /// not read, and runs it until it ends or Ctrl+C cancels it.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, string usage, IReadOnlyDictionary<string, Func<Options, Func<CancellationToken, Task<int>>>> modes)
    {
        var options = Parse(args, usage);
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var run = modes.TryGetValue(options.Mode, out var make)
            ? make(options)
            : throw new ArgumentException($"Unknown mode '{options.Mode}': {string.Join(" or ", modes.Keys)}.");
        options.CheckAllRead();
        return await run(cancel.Token).ConfigureAwait(false);
    }

    public static Options Parse(string[] args, string usage)
    {
        if (args.Length == 0 || args.Length % 2 == 0)
        {
            throw new ArgumentException("Usage: " + usage);
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

    /// <summary>An integer option; required when <paramref name="fallback"/> is null.</summary>
    public int Integer(string name, int? fallback = null) =>
        _values.ContainsKey(name) || fallback is null ? int.Parse(Text(name), CultureInfo.InvariantCulture) : Read(name, fallback.Value);

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
