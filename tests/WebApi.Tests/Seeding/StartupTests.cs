using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Voting.Domain.Elections;
using Voting.Domain.Users;
using Voting.Infrastructure.Persistence;
using Voting.WebApi.Tests.Support;

namespace Voting.WebApi.Tests.Seeding;

public sealed class StartupTests
{
    [Fact]
    public async Task Development_seeds_an_admin_three_voters_and_an_open_election_once()
    {
        await using var factory = new ApiFactory("Development");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VotingDbContext>();

        var users = await db.Users.ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(4, users.Count);
        var admin = Assert.Single(users, u => u.HasRole(Role.Admin));
        Assert.Equal("1100000000008", admin.CitizenId.Value);
        Assert.True(admin.HasRole(Role.ElectionOfficer));
        var election = await db.Elections.Include(e => e.Candidates).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(ElectionStatus.Open, election.Status);
        Assert.Equal(3, election.Candidates.Count);

        // A restart on the same database adds nothing.
        await Voting.WebApi.Seeding.DemoSeeder.SeedDemoAsync(factory.Services, TestContext.Current.CancellationToken);
        Assert.Equal(4, await db.Users.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, await db.Elections.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Production_seeds_nothing()
    {
        await using var factory = new ApiFactory("Production");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VotingDbContext>();

        Assert.Equal(0, await db.Users.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void An_unknown_database_provider_stops_the_host_at_start()
    {
        using var factory = new ApiFactory("Production", new Dictionary<string, string?> { ["Database:Provider"] = "SqlServer" });

        var error = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("Provider", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_seed_admin_stops_the_host_at_start()
    {
        using var factory = new ApiFactory("Development", new Dictionary<string, string?> { ["Seed:Admin:CitizenId"] = "12345" });

        var error = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("Seed:Admin", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Options_are_bound_from_configuration()
    {
        using var factory = new ApiFactory("Production", new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "true" });

        var options = factory.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;

        Assert.Equal((DatabaseProvider.Sqlite, $"Data Source={factory.DatabasePath}"), (options.Provider, options.ConnectionString));
    }

    [Theory]
    [InlineData("Production", "", "Jwt:SigningKey is not configured")]
    [InlineData("Production", "too-short", "at least 32 bytes")]
    [InlineData("Production", Voting.WebApi.Identity.JwtOptions.DevelopmentKey, "is the development key")]
    [InlineData("Staging", Voting.WebApi.Identity.JwtOptions.DevelopmentKey, "is the development key")]
    public void Outside_development_the_host_refuses_a_missing_short_or_default_signing_key(string environment, string key, string problem)
    {
        using var factory = new ApiFactory(environment, new Dictionary<string, string?> { ["Jwt:SigningKey"] = key });

        var error = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains(problem, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_initial_admin_from_configuration_is_registered_at_start()
    {
        await using var factory = new ApiFactory("Production", new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "true",
            ["Accounts:InitialAdmin:CitizenId"] = "1100000000008",
            ["Accounts:InitialAdmin:Phone"] = "+66800000001",
            ["Accounts:InitialAdmin:Password"] = "initial-admin-password",
        });
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VotingDbContext>();

        var admin = Assert.Single(await db.Users.ToListAsync(TestContext.Current.CancellationToken));
        Assert.True(admin.HasRole(Domain.Users.Role.Admin));
    }
}
