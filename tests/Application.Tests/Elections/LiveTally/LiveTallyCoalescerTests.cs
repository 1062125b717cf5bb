using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Voting.Application.Abstractions;
using Voting.Application.Elections;
using Voting.Application.Elections.LiveTally;
using Voting.Application.Elections.PublishTally;
using Voting.Application.Tests.TestSupport;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Elections.Events;
using Xunit;

namespace Voting.Application.Tests.Elections.LiveTally;

/// <summary>The coalescer with the real PublishTally use case over substitute ports, on a clock the test advances.</summary>
public sealed class LiveTallyCoalescerTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly ManualTimeProvider _time = new();
    private readonly GatedPublisher _publisher = new();
    private readonly IElectionQueries _queries = Substitute.For<IElectionQueries>();
    private readonly ElectionDetails _election = TestDetails.Of(ElectionStatus.Open, ResultsVisibility.Live);
    private readonly ServiceProvider _services;
    private readonly LiveTallyCoalescer _coalescer;
    private long _committed;

    public LiveTallyCoalescerTests()
    {
        _queries.GetAsync(_election.Id, Arg.Any<CancellationToken>()).Returns(_election);
        _queries.CountBallotsAsync(_election.Id, Arg.Any<CancellationToken>())
            .Returns(_ => new BallotCounts(new Dictionary<CandidateId, long> { [_election.Candidates[0].Id] = Interlocked.Read(ref _committed) }, Interlocked.Read(ref _committed)));
        var services = new ServiceCollection();
        services.AddScoped(_ => _queries);
        services.AddSingleton<ITallyPublisher>(_publisher);
        services.AddSingleton<IClock>(new FakeClock());
        services.AddScoped<ILiveTallyCounts, DatabaseTallyCounts>();
        services.AddScoped<PublishTallyHandler>();
        _services = services.BuildServiceProvider();
        _coalescer = new LiveTallyCoalescer(_services.GetRequiredService<IServiceScopeFactory>(), _time, new LiveTallyOptions { MaxUpdatesPerSecond = 10 });
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Votes_arriving_while_a_snapshot_is_out_share_the_next_one_which_waits_its_turn()
    {
        var firstGate = _publisher.HoldNext();
        Interlocked.Exchange(ref _committed, 1);
        var first = _coalescer.EnsurePublishedAsync(_election.Id, 1, Ct);
        await firstGate.Started;

        Interlocked.Exchange(ref _committed, 50);
        var later = Enumerable.Range(2, 49).Select(s => _coalescer.EnsurePublishedAsync(_election.Id, s, Ct)).ToList();
        firstGate.Release();
        await first;
        await WaitUntilAsync(() => _time.PendingTimers == 1);

        Assert.Equal([1L], _publisher.Versions);
        Assert.All(later, t => Assert.False(t.IsCompleted));

        _time.Advance(Interval);
        await Task.WhenAll(later);

        Assert.Equal([1L, 50L], _publisher.Versions);
    }

    [Fact]
    public async Task A_batch_of_votes_is_applied_once_and_published_by_one_snapshot_counting_its_last_ballot()
    {
        var counts = Substitute.For<ILiveTallyCounts>();
        var handler = new PublishTallyOnVoteCast(counts, _coalescer);
        var candidate = _election.Candidates[0].Id;
        var batch = new VotesCast(_election.Id, 1, Enumerable.Repeat(candidate, 30).ToArray(), DateTimeOffset.UnixEpoch);
        Interlocked.Exchange(ref _committed, 30);

        await handler.HandleAsync(batch, Ct);

        // A VoteCast row stored before votes were combined: applied as a batch of one, already published.
        await handler.HandleAsync(new VoteCast(_election.Id, candidate, 30, DateTimeOffset.UnixEpoch), Ct);

        await counts.Received(1).ApplyAsync(batch, Arg.Any<CancellationToken>());
        await counts.Received(1).ApplyAsync(Arg.Is<VotesCast>(v => v.FirstSequence == 30 && v.LastSequence == 30 && v.Candidates[0] == candidate), Arg.Any<CancellationToken>());
        Assert.Equal([30L], _publisher.Versions);
    }

    [Fact]
    public async Task A_vote_already_counted_by_a_published_snapshot_publishes_nothing_more()
    {
        Interlocked.Exchange(ref _committed, 3);
        await _coalescer.EnsurePublishedAsync(_election.Id, 3, Ct);

        // A redelivered VoteCast (the outbox delivers at least once) of a ballot already counted.
        await new PublishTallyOnVoteCast(new DatabaseTallyCounts(_queries), _coalescer).HandleAsync(new VoteCast(_election.Id, _election.Candidates[0].Id, 2, DateTimeOffset.UnixEpoch), Ct);

        Assert.Equal([3L], _publisher.Versions);
    }

    [Fact]
    public async Task A_failed_snapshot_fails_its_votes_so_the_outbox_retries_them_and_the_next_request_publishes()
    {
        _publisher.FailNext();
        Interlocked.Exchange(ref _committed, 1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _coalescer.EnsurePublishedAsync(_election.Id, 1, Ct));
        var retry = _coalescer.EnsurePublishedAsync(_election.Id, 1, Ct);
        await WaitUntilAsync(() => _time.PendingTimers == 1);
        _time.Advance(Interval);
        await retry;

        Assert.Equal([1L], _publisher.Versions);
    }

    public void Dispose()
    {
        _coalescer.Dispose();
        _services.Dispose();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(1, timeout.Token);
        }
    }

    /// <summary>Records the versions it publishes; can hold one publication open or fail one.</summary>
    private sealed class GatedPublisher : ITallyPublisher
    {
        private readonly ConcurrentQueue<long> _versions = new();
        private Gate? _hold;
        private bool _fail;

        public IReadOnlyList<long> Versions => [.. _versions];

        public Gate HoldNext() => _hold = new Gate();

        public void FailNext() => _fail = true;

        public async Task PublishAsync(TallyView tally, CancellationToken cancellationToken)
        {
            if (Interlocked.Exchange(ref _fail, false))
            {
                throw new InvalidOperationException("publish failed");
            }

            if (Interlocked.Exchange(ref _hold, null) is { } gate)
            {
                gate.MarkStarted();
                await gate.Released.WaitAsync(cancellationToken);
            }

            _versions.Enqueue(tally.Version);
        }
    }

    private sealed class Gate
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        public Task Released => _released.Task;

        public void MarkStarted() => _started.TrySetResult();

        public void Release() => _released.TrySetResult();
    }
}
