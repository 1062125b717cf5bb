using System.Diagnostics;
using System.Text;

namespace Voting.GraphQL.Tests;

/// <summary>
/// graphql-js, the reference implementation, as the differential tests call it: a script in
/// tests/oracle run with Node (graphql's version pinned in its package.json; ./test.sh installs it).
/// </summary>
internal static class GraphQLJs
{
    /// <summary>The repository's root folder, found above the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Voting.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Voting.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs <c>node script arguments…</c> in tests/oracle and returns what it printed; fails the test if it fails.</summary>
    public static async Task<string> RunAsync(string script, params string[] arguments)
    {
        var oracle = Path.Combine(RepositoryRoot(), "tests", "oracle");
        if (!File.Exists(Path.Combine(oracle, "node_modules", "graphql", "package.json")))
        {
            Assert.Fail("graphql-js is not installed in tests/oracle/node_modules: run ./test.sh, which installs it (or `npm ci` in tests/oracle).");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = oracle,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process? started = null;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            Assert.Fail("Node.js is needed to run graphql-js (tests/oracle): " + exception.Message + ". Run ./test.sh on a machine with node.");
        }

        using var node = started ?? throw new InvalidOperationException("Could not start node.");
        var output = node.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = node.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await node.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(node.ExitCode == 0, $"node {script} failed ({node.ExitCode}): {await errors}");
        return await output;
    }
}
