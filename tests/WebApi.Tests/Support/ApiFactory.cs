using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Voting.WebApi.Tests.Support;

/// <summary>The real host on a private SQLite file, in the environment and with the settings a test gives.</summary>
public sealed class ApiFactory(string environment, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    /// <summary>The key every test host signs with unless a test configures another (or none).</summary>
    public const string TestSigningKey = "webapi-tests-signing-key-0123456789abcdef-long-enough-for-hs512-too";

    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), "voting-webapi-tests", $"{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        var merged = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={DatabasePath}",
            ["Jwt:SigningKey"] = TestSigningKey,

            // Off unless a test asks for it: it would open and close the tests' elections under them.
            ["Scheduling:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(merged));

        // Settings given this way are seen by Program's registrations too (AddInfrastructure reads
        // Redis:Configuration while registering), which the configuration callback above comes too late for.
        foreach (var (key, value) in merged)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
        {
            File.Delete(file);
        }

        GC.SuppressFinalize(this);
    }
}
