using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Voting.Application;
using Voting.Application.Abstractions;
using Voting.Domain.Common;
using Voting.Infrastructure.Persistence;

namespace Voting.Infrastructure.Tests.Support;

/// <summary>
/// One real database per test class, migrated to the current schema, with the application and
/// infrastructure wired as in production. <see cref="ResetAsync"/> empties it between tests.
/// </summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    private ServiceProvider? _services;

    public abstract DatabaseProvider Provider { get; }

    public string ConnectionString { get; private set; } = string.Empty;

    public TestClock Clock { get; } = new();

    public TestCurrentUser CurrentUser { get; } = new();

    public RecordingRoomEventPublisher RoomEvents { get; } = new();

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync().ConfigureAwait(false);
        _services = BuildServices(ConnectionString, configure: null);
        await _services.MigrateDatabaseAsync(TestContext.Current.CancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync().ConfigureAwait(false);
        }

        await DropDatabaseAsync(ConnectionString).ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Services over <paramref name="connectionString"/>; <paramref name="configure"/> may add or replace registrations.</summary>
    public ServiceProvider BuildServices(string connectionString, Action<IServiceCollection>? configure)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider.ToString(),
            ["Database:ConnectionString"] = connectionString,
            ["Outbox:Enabled"] = "false",
        }.Concat(Settings)).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddApplication();
        services.AddInfrastructure(configuration);
        services.AddSingleton<IClock>(Clock);
        services.AddSingleton<ICurrentUser>(CurrentUser);
        services.AddSingleton<ITallyPublisher, UnwatchedTallyPublisher>();
        services.AddSingleton<Voting.Application.Chat.IRoomEventPublisher>(RoomEvents);
        services.AddSingleton<Voting.Application.Chat.ITypingNotifier, UnwatchedTypingNotifier>();
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Deletes every row of every table the model maps (the schema and its history stay).</summary>
    public async Task ResetAsync()
    {
        var scope = Services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<VotingDbContext>();
            var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()!).Distinct().ToList();
            var sql = Provider == DatabaseProvider.Postgres
                ? $"TRUNCATE {string.Join(", ", tables.Select(t => $"\"{t}\""))} RESTART IDENTITY CASCADE;"
                : $"PRAGMA foreign_keys = OFF; {string.Concat(tables.Select(t => $"DELETE FROM \"{t}\"; "))}DELETE FROM sqlite_sequence; PRAGMA foreign_keys = ON;";
            await db.Database.ExecuteSqlRawAsync(sql).ConfigureAwait(false);
        }

        Clock.UtcNow = new DateTimeOffset(2030, 5, 1, 8, 0, 0, TimeSpan.Zero);
        CurrentUser.Set(null, Domain.Users.Role.None);
        RoomEvents.Clear();
    }

    /// <summary>Runs <paramref name="work"/> with a fresh scope, as one request would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        var scope = Services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            return await work(scope.ServiceProvider).ConfigureAwait(false);
        }
    }

    /// <summary>Configuration a fixture adds to the database's (Redis, for the suites that use it).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public abstract Task<string> CreateDatabaseAsync();

    public abstract Task DropDatabaseAsync(string connectionString);
}
