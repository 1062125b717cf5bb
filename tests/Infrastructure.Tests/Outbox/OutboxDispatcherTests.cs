using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Voting.Application.Abstractions;
using Voting.Domain.Common;
using Voting.Domain.Elections.Events;
using Voting.Infrastructure.Outbox;
using Voting.Infrastructure.Persistence;
using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Outbox;

/// <summary>Committed events reach their handlers at least once, in order, exactly once per dispatcher pass.</summary>
public abstract class OutboxDispatcherTests(DatabaseFixture fixture) : DatabaseTests(fixture)
{
    [Fact]
    public async Task Committed_events_are_delivered_in_order_and_marked_processed()
    {
        var voters = await Scenario.SeedVotersAsync(3);
        var (election, candidates) = await Scenario.CreateElectionAsync();
        await Scenario.OpenAsync(election);
        foreach (var voter in voters)
        {
            await Scenario.CastAsync(voter, election, candidates[1]);
        }

        var recorder = new RecordingHandler();
        await using var services = BuildServices(recorder);
        var dispatcher = ActivatorUtilities.CreateInstance<OutboxDispatcher>(services);

        Assert.Equal(5, await dispatcher.DispatchBatchAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await dispatcher.DispatchBatchAsync(TestContext.Current.CancellationToken));

        Assert.Equal(["ElectionScheduled", "ElectionOpened", "VotesCast", "VotesCast", "VotesCast"], recorder.Events.Select(e => e.GetType().Name));
        var votes = recorder.Events.OfType<VotesCast>().ToList();
        Assert.Equal([1L, 2L, 3L], votes.Select(v => v.FirstSequence));
        Assert.All(votes, v => Assert.Equal((election, 1, candidates[1]), (v.ElectionId, v.Candidates.Count, v.Candidates[0])));
        Assert.Equal(0, await CountUnprocessedAsync());
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_after_its_backoff()
    {
        var (election, _) = await Scenario.CreateElectionAsync();
        await Scenario.TransitionAsync(election, Application.Elections.ChangeElectionStatus.ElectionTransition.Schedule);
        var recorder = new RecordingHandler { FailuresLeft = 1 };
        await using var services = BuildServices(recorder);
        var dispatcher = ActivatorUtilities.CreateInstance<OutboxDispatcher>(services);

        Assert.Equal(1, await dispatcher.DispatchBatchAsync(TestContext.Current.CancellationToken));
        Assert.Empty(recorder.Events);
        var failed = await Fixture.InScopeAsync(s => s.GetRequiredService<VotingDbContext>().OutboxMessages.SingleAsync());
        Assert.Equal((1, "handler failed", (DateTimeOffset?)null), (failed.Attempts, failed.LastError, failed.ProcessedAt));
        Assert.True(failed.LockedUntil > Fixture.Clock.UtcNow);

        Assert.Equal(0, await dispatcher.DispatchBatchAsync(TestContext.Current.CancellationToken));
        Fixture.Clock.UtcNow = failed.LockedUntil!.Value.AddSeconds(1);
        Assert.Equal(1, await dispatcher.DispatchBatchAsync(TestContext.Current.CancellationToken));
        Assert.IsType<ElectionScheduled>(Assert.Single(recorder.Events));
        Assert.Equal(0, await CountUnprocessedAsync());
    }

    [Fact]
    public async Task Two_dispatchers_running_at_once_deliver_each_event_once()
    {
        var voters = await Scenario.SeedVotersAsync(40);
        var (election, candidates) = await Scenario.CreateElectionAsync();
        await Scenario.OpenAsync(election);
        foreach (var voter in voters)
        {
            await Scenario.CastAsync(voter, election, candidates[0]);
        }

        var recorder = new RecordingHandler();
        await using var services = BuildServices(recorder);
        var first = ActivatorUtilities.CreateInstance<OutboxDispatcher>(services);
        var second = ActivatorUtilities.CreateInstance<OutboxDispatcher>(services);

        var delivered = await Task.WhenAll(
            Task.Run(() => first.DispatchBatchAsync(TestContext.Current.CancellationToken)),
            Task.Run(() => second.DispatchBatchAsync(TestContext.Current.CancellationToken)));

        Assert.Equal(42, delivered.Sum());
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), recorder.Events.OfType<VotesCast>().Select(v => v.FirstSequence).Order());
        Assert.Equal(0, await CountUnprocessedAsync());
    }

    private ServiceProvider BuildServices(RecordingHandler recorder) =>
        Fixture.BuildServices(Fixture.ConnectionString, services =>
        {
            services.AddSingleton<IDomainEventHandler<VotesCast>>(recorder);
            services.AddSingleton<IDomainEventHandler<ElectionOpened>>(recorder);
            services.AddSingleton<IDomainEventHandler<ElectionScheduled>>(recorder);
        });

    private Task<int> CountUnprocessedAsync() =>
        Fixture.InScopeAsync(s => s.GetRequiredService<VotingDbContext>().OutboxMessages.CountAsync(m => m.ProcessedAt == null));

    private sealed class RecordingHandler : IDomainEventHandler<VotesCast>, IDomainEventHandler<ElectionOpened>, IDomainEventHandler<ElectionScheduled>
    {
        private readonly ConcurrentQueue<IDomainEvent> _events = new();

        public int FailuresLeft { get; set; }

        public IReadOnlyList<IDomainEvent> Events => [.. _events];

        public Task HandleAsync(VotesCast domainEvent, CancellationToken cancellationToken) => Record(domainEvent);

        public Task HandleAsync(ElectionOpened domainEvent, CancellationToken cancellationToken) => Record(domainEvent);

        public Task HandleAsync(ElectionScheduled domainEvent, CancellationToken cancellationToken) => Record(domainEvent);

        private Task Record(IDomainEvent domainEvent)
        {
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new InvalidOperationException("handler failed");
            }

            _events.Enqueue(domainEvent);
            return Task.CompletedTask;
        }
    }
}
