namespace Voting.Architecture.Tests;

internal static class Repository
{
    /// <summary>The folder holding Voting.sln, found upwards from the test binaries.</summary>
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Voting.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Voting.sln not found above " + AppContext.BaseDirectory);
    }
}
