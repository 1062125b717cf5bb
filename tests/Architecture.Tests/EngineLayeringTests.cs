using System.Text.RegularExpressions;

namespace Voting.Architecture.Tests;

/// <summary>
/// Inside src/GraphQL the modules stack as graphql-js's do: Errors ← Fetching (DataLoader, which knows no GraphQL) ← Language ← Types ←
/// Validation ← Execution ← Data (filtering, sorting, paging over IQueryable) ← Subscriptions ← Server. A file may name its own module and the ones
/// below it, never one above, so the engine has no cycles.
/// </summary>
public sealed partial class EngineLayeringTests
{
    private static readonly string[] Modules = ["Errors", "Fetching", "Language", "Types", "Validation", "Execution", "Data", "Subscriptions", "Server"];

    [Fact]
    public void No_engine_module_refers_to_a_module_above_it()
    {
        var engine = Path.Combine(Repository.Root(), "src", "GraphQL");
        var violations = new List<string>();
        foreach (var file in Directory.EnumerateFiles(engine, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(engine, file);
            if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal))
            {
                continue;
            }

            var module = relative.Split(Path.DirectorySeparatorChar)[0];
            var level = Array.IndexOf(Modules, module);
            Assert.True(level >= 0, $"{relative} is outside the engine's modules ({string.Join(", ", Modules)}).");
            foreach (Match reference in ModuleReference().Matches(File.ReadAllText(file)))
            {
                var referenced = Array.IndexOf(Modules, reference.Groups[1].Value);
                if (referenced > level)
                {
                    violations.Add($"{relative} ({module}) refers to {reference.Groups[1].Value}");
                }
            }
        }

        Assert.Empty(violations);
    }

    [Fact]
    public void The_check_recognises_a_reference_upwards()
    {
        var matches = ModuleReference().Matches("using Voting.GraphQL.Validation;\nvar x = new Voting.GraphQL.Execution.Executor();");

        Assert.Equal(["Validation", "Execution"], matches.Select(m => m.Groups[1].Value));
    }

    [GeneratedRegex(@"\bVoting\.GraphQL\.(\w+)")]
    private static partial Regex ModuleReference();
}
