using Voting.WebApi.Tests.Support;

namespace Voting.WebApi.Tests.GraphQL;

/// <summary>
/// docs/schema.graphql is the API's schema as the server prints it at <c>GET /graphql?sdl</c>, so every
/// change to the schema shows in review. After an intended change, regenerate the file with
/// <c>VOTING_UPDATE_SCHEMA=1 dotnet test tests/WebApi.Tests</c> and commit it.
/// </summary>
public sealed class SchemaSnapshotTests
{
    [Fact]
    public async Task The_served_schema_is_the_one_in_docs()
    {
        await using var factory = new ApiFactory("Production");
        using var client = factory.CreateClient();

        var served = await client.GetStringAsync(new Uri("/graphql?sdl", UriKind.Relative), TestContext.Current.CancellationToken);

        var file = Path.Combine(RepositoryRoot(), "docs", "schema.graphql");
        if (Environment.GetEnvironmentVariable("VOTING_UPDATE_SCHEMA") == "1")
        {
            await File.WriteAllTextAsync(file, served, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(file), "docs/schema.graphql is missing: run VOTING_UPDATE_SCHEMA=1 dotnet test tests/WebApi.Tests");
        var documented = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        Assert.True(documented == served, "docs/schema.graphql differs from the served schema; if the change is intended, run VOTING_UPDATE_SCHEMA=1 dotnet test tests/WebApi.Tests and commit the file.\n" + served);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Voting.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Voting.sln not found above the test binaries.");
    }
}
