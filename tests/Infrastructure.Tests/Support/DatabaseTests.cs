namespace Voting.Infrastructure.Tests.Support;

/// <summary>Tests against the fixture's database, which is emptied before each test.</summary>
public abstract class DatabaseTests(DatabaseFixture fixture) : IAsyncLifetime
{
    protected DatabaseFixture Fixture { get; } = fixture;

    protected Scenario Scenario { get; } = new(fixture);

    public async ValueTask InitializeAsync() => await Fixture.ResetAsync();

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
