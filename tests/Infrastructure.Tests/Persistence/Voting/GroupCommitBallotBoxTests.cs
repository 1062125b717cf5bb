using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Voting.Application.Abstractions;
using Voting.Application.Elections.ChangeElectionStatus;
using Voting.Application.Elections.SetVoterRoll;
using Voting.Domain.Ballots;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Users;
using Voting.Infrastructure.Persistence;
using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Persistence.Voting;

/// <summary>
/// The group-commit ballot box on a real database; run once on PostgreSQL and once on SQLite. A
/// vote whose cast blocks on a gate holds its batch open, so the votes queued meanwhile are
/// known to form the next batch together.
/// </summary>
public abstract class GroupCommitBallotBoxTests(DatabaseFixture fixture) : DatabaseTests(fixture)
{
    private static readonly TimeSpan GateTimeout = TimeSpan.FromSeconds(30);

    private IBallotBox BallotBox => Fixture.Services.GetRequiredService<IBallotBox>();

    [Fact]
    public async Task Two_hundred_voters_at_once_are_all_committed_with_gapless_sequences_each_in_one_outbox_row()
    {
        var (election, candidates, voters) = await OpenElectionAsync(200);
        var pending = await Task.WhenAll(voters.Select((v, i) => PendingAsync(v, election, candidates[i % candidates.Count])));

        var results = await Task.WhenAll(pending.Select(p => Task.Run(() => BallotBox.CommitAsync(p, CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), results.Select(r => r.Ballot.Sequence).Order());
        Assert.Equal(200, await CountAsync(db => db.Participations));
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), await QueryAsync(db => db.Ballots.OrderBy(b => b.Sequence).Select(b => b.Sequence)));
        Assert.Equal(200, await LastSequenceAsync(election));
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), await OutboxVotes.SequencesAsync(Fixture));
        Assert.Equal(0, await CountAsync(db => db.OutboxMessages.Where(m => m.Type == "VoteCast")));
        Assert.All(results, r => Assert.Contains(r.Participation.VoterId, voters));
    }

    [Fact]
    public async Task A_double_vote_in_one_batch_is_refused_to_the_second_only_while_the_others_commit()
    {
        var (election, candidates, voters) = await OpenElectionAsync(3);
        using var gate = new Gate();
        var first = BallotBox.CommitAsync(await PendingAsync(voters[0], election, candidates[0], gate.Hold), CancellationToken.None);
        gate.WaitUntilHeld();

        var twice = new[]
        {
            BallotBox.CommitAsync(await PendingAsync(voters[1], election, candidates[0]), CancellationToken.None),
            BallotBox.CommitAsync(await PendingAsync(voters[1], election, candidates[1]), CancellationToken.None),
        };
        var other = BallotBox.CommitAsync(await PendingAsync(voters[2], election, candidates[2]), CancellationToken.None);
        gate.Release();

        Assert.Equal(1, (await first).Ballot.Sequence);
        var outcomes = await Task.WhenAll(twice.Select(OutcomeAsync));
        Assert.Equal(1, outcomes.Count(o => o == "OK"));
        Assert.Equal(1, outcomes.Count(o => o == ErrorCodes.AlreadyVoted));
        Assert.Equal(voters[2], (await other).Participation.VoterId);
        Assert.Equal(3, await CountAsync(db => db.Participations));
        Assert.Equal([1L, 2L, 3L], await QueryAsync(db => db.Ballots.OrderBy(b => b.Sequence).Select(b => b.Sequence)));
        Assert.Equal(3, await LastSequenceAsync(election));

        // One outbox row per batch, its votes in sequence order.
        var batches = await OutboxVotes.BatchesAsync(Fixture);
        Assert.Equal([(1L, 1L), (2L, 3L)], batches.Select(b => (b.FirstSequence, b.LastSequence)));
        Assert.Equal(await QueryAsync(db => db.Ballots.Where(b => b.Sequence > 1).OrderBy(b => b.Sequence).Select(b => b.CandidateId)), batches[1].Candidates);
    }

    [Fact]
    public async Task A_voter_who_voted_in_an_earlier_batch_is_refused_while_the_rest_of_the_batch_commits()
    {
        var (election, candidates, voters) = await OpenElectionAsync(3);
        await BallotBox.CommitAsync(await PendingAsync(voters[0], election, candidates[0]), CancellationToken.None);
        using var gate = new Gate();
        var holder = BallotBox.CommitAsync(await PendingAsync(voters[1], election, candidates[0], gate.Hold), CancellationToken.None);
        gate.WaitUntilHeld();

        var again = BallotBox.CommitAsync(await PendingAsync(voters[0], election, candidates[1]), CancellationToken.None);
        var fresh = BallotBox.CommitAsync(await PendingAsync(voters[2], election, candidates[1]), CancellationToken.None);
        gate.Release();

        Assert.Equal(2, (await holder).Ballot.Sequence);
        Assert.Equal(ErrorCodes.AlreadyVoted, await OutcomeAsync(again));
        Assert.Equal(3, (await fresh).Ballot.Sequence);
        Assert.Equal(3, await CountAsync(db => db.Ballots));
        Assert.Equal(1, await CountAsync(db => db.Ballots.Where(b => b.CandidateId == candidates[1])));
    }

    [Fact]
    public async Task A_failed_batch_fails_each_of_its_votes_and_commits_none_of_them()
    {
        var (election, candidates, voters) = await OpenElectionAsync(4);
        using var gate = new Gate();
        var holder = BallotBox.CommitAsync(await PendingAsync(voters[0], election, candidates[0], gate.Hold), CancellationToken.None);
        gate.WaitUntilHeld();

        // Both share one election, as votes served from the open-election cache do; the broken
        // vote fails after the domain raised its VoteCast, as a crash mid-batch would.
        var shared = await LoadAsync(election);
        var castThenFail = await PendingOnAsync(shared, voters[1], candidates[0]);
        var broken = BallotBox.CommitAsync(
            castThenFail with { Cast = (voter, sequence) => { castThenFail.Cast(voter, sequence); throw new InvalidOperationException("the database went away"); } },
            CancellationToken.None);
        var bystander = BallotBox.CommitAsync(await PendingOnAsync(shared, voters[2], candidates[1]), CancellationToken.None);
        gate.Release();

        Assert.Equal(1, (await holder).Ballot.Sequence);
        Assert.Equal("the database went away", (await Assert.ThrowsAsync<InvalidOperationException>(() => broken)).Message);
        Assert.Equal("the database went away", (await Assert.ThrowsAsync<InvalidOperationException>(() => bystander)).Message);
        Assert.Equal(1, await CountAsync(db => db.Participations));
        Assert.Equal(1, await CountAsync(db => db.Ballots));
        Assert.Equal([1L], await OutboxVotes.SequencesAsync(Fixture));
        Assert.Equal(1, await LastSequenceAsync(election));
        Assert.Empty(shared.DomainEvents);

        // Nothing was taken: the bystander votes again and gets the next sequence, with one event only.
        Assert.Equal(2, (await BallotBox.CommitAsync(await PendingOnAsync(shared, voters[2], candidates[1]), CancellationToken.None)).Ballot.Sequence);
        Assert.Equal([1L, 2L], await OutboxVotes.SequencesAsync(Fixture));
    }

    [Fact]
    public async Task Votes_checked_while_the_election_was_open_are_refused_when_it_closed_before_their_batch()
    {
        var (election, candidates, voters) = await OpenElectionAsync(2);
        await BallotBox.CommitAsync(await PendingAsync(voters[0], election, candidates[0]), CancellationToken.None);
        var late = await PendingAsync(voters[1], election, candidates[1]);

        Fixture.Clock.UtcNow = Fixture.Clock.UtcNow.AddDays(1);
        Assert.Equal(ElectionStatus.Closed, await Scenario.TransitionAsync(election, ElectionTransition.Close));
        Fixture.Clock.UtcNow = Fixture.Clock.UtcNow.AddDays(-1);

        // The pending vote's own election still says Open (as a cached one would): the batch's re-check decides.
        Assert.Equal(ElectionStatus.Open, late.Election.Status);
        Assert.Equal(ErrorCodes.ElectionNotOpen, await OutcomeAsync(BallotBox.CommitAsync(late, CancellationToken.None)));
        Assert.Equal(1, await CountAsync(db => db.Participations));
        Assert.Equal(1, await LastSequenceAsync(election));
    }

    [Fact]
    public async Task A_vote_withdrawn_while_it_waits_for_its_batch_is_never_stored()
    {
        var (election, candidates, voters) = await OpenElectionAsync(3);
        using var gate = new Gate();
        var holder = BallotBox.CommitAsync(await PendingAsync(voters[0], election, candidates[0], gate.Hold), CancellationToken.None);
        gate.WaitUntilHeld();

        using var withdrawn = new CancellationTokenSource();
        var cancelled = BallotBox.CommitAsync(await PendingAsync(voters[1], election, candidates[0]), withdrawn.Token);
        var kept = BallotBox.CommitAsync(await PendingAsync(voters[2], election, candidates[0]), CancellationToken.None);
        await withdrawn.CancelAsync();
        gate.Release();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(1, (await holder).Ballot.Sequence);
        Assert.Equal(2, (await kept).Ballot.Sequence);
        Assert.Equal(0, await CountAsync(db => db.Participations.Where(p => p.VoterId == voters[1])));
        Assert.Equal(2, await LastSequenceAsync(election));
    }

    [Fact]
    public async Task A_vote_already_in_a_batch_is_answered_even_if_its_caller_cancels()
    {
        var (election, candidates, voters) = await OpenElectionAsync(1);
        using var gate = new Gate();
        using var cancel = new CancellationTokenSource();
        var vote = BallotBox.CommitAsync(await PendingAsync(voters[0], election, candidates[0], gate.Hold), cancel.Token);
        gate.WaitUntilHeld();

        await cancel.CancelAsync();
        gate.Release();

        Assert.Equal(1, (await vote).Ballot.Sequence);
        Assert.Equal(1, await CountAsync(db => db.Participations));
    }

    [Fact]
    public async Task The_batch_reads_its_voters_and_a_vote_whose_account_is_gone_is_refused_alone_and_takes_no_sequence()
    {
        var (election, candidates, voters) = await OpenElectionAsync(3);
        using var gate = new Gate();
        var holder = BallotBox.CommitAsync(await PendingAsync(voters[0], election, candidates[0], gate.Hold), CancellationToken.None);
        gate.WaitUntilHeld();

        var gone = BallotBox.CommitAsync(await PendingAsync(UserId.New(), election, candidates[0]), CancellationToken.None);
        var others = new[]
        {
            BallotBox.CommitAsync(await PendingAsync(voters[1], election, candidates[1]), CancellationToken.None),
            BallotBox.CommitAsync(await PendingAsync(voters[2], election, candidates[2]), CancellationToken.None),
        };
        gate.Release();

        Assert.Equal(1, (await holder).Ballot.Sequence);
        Assert.Equal(ErrorCodes.Unauthenticated, await OutcomeAsync(gone));
        Assert.Equal([2L, 3L], (await Task.WhenAll(others)).Select(r => r.Ballot.Sequence).Order());
        Assert.Equal(3, await CountAsync(db => db.Participations));
        Assert.Equal(3, await LastSequenceAsync(election));
    }

    [Fact]
    public async Task On_an_election_with_a_roll_the_batch_reads_who_is_on_it_and_refuses_the_others_alone()
    {
        var voters = await Scenario.SeedVotersAsync(3);
        var (election, candidates) = await Scenario.CreateElectionAsync();
        await Scenario.AsOfficerAsync(() => Scenario.RunAsync<SetVoterRollHandler, VoterRollSummary>(h => h.HandleAsync(
            new SetVoterRollCommand(election, [CitizenIds.Make(1), CitizenIds.Make(3)]), CancellationToken.None)));
        await Scenario.OpenAsync(election);
        using var gate = new Gate();
        var holder = BallotBox.CommitAsync(await PendingAsync(voters[0], election, candidates[0], gate.Hold), CancellationToken.None);
        gate.WaitUntilHeld();

        var offRoll = BallotBox.CommitAsync(await PendingAsync(voters[1], election, candidates[0]), CancellationToken.None);
        var onRoll = BallotBox.CommitAsync(await PendingAsync(voters[2], election, candidates[1]), CancellationToken.None);
        gate.Release();

        Assert.Equal(1, (await holder).Ballot.Sequence);
        Assert.Equal(ErrorCodes.NotEligible, await OutcomeAsync(offRoll));
        Assert.Equal(2, (await onRoll).Ballot.Sequence);
        Assert.Equal(0, await CountAsync(db => db.Participations.Where(p => p.VoterId == voters[1])));
        Assert.Equal(2, await LastSequenceAsync(election));
    }

    [Fact]
    public async Task A_voter_refused_for_one_vote_of_a_batch_keeps_the_participation_of_the_other_and_a_voter_refused_alone_keeps_none()
    {
        var (election, candidates, voters) = await OpenElectionAsync(3);
        using var gate = new Gate();
        var holder = BallotBox.CommitAsync(await PendingAsync(voters[0], election, candidates[0], gate.Hold), CancellationToken.None);
        gate.WaitUntilHeld();

        // A choice of no candidate of the election: the domain refuses it when the batch casts it.
        var refused = BallotBox.CommitAsync(await PendingAsync(voters[1], election, CandidateId.New()), CancellationToken.None);
        var accepted = BallotBox.CommitAsync(await PendingAsync(voters[1], election, candidates[1]), CancellationToken.None);
        var alone = BallotBox.CommitAsync(await PendingAsync(voters[2], election, CandidateId.New()), CancellationToken.None);
        gate.Release();

        Assert.Equal(1, (await holder).Ballot.Sequence);
        Assert.Equal(2, (await accepted).Ballot.Sequence);
        Assert.NotEqual("OK", await OutcomeAsync(refused));
        Assert.NotEqual("OK", await OutcomeAsync(alone));
        Assert.Equal(new[] { voters[0], voters[1] }.OrderBy(v => v.Value), (await QueryAsync(db => db.Participations.Select(p => p.VoterId))).OrderBy(v => v.Value));
        Assert.Equal([1L, 2L], await QueryAsync(db => db.Ballots.OrderBy(b => b.Sequence).Select(b => b.Sequence)));
        Assert.Equal(2, await LastSequenceAsync(election));
    }

    [Fact]
    public async Task A_batch_cast_across_the_turn_of_an_hour_stores_the_hour_the_domain_gave_each_participation()
    {
        var (election, candidates, voters) = await OpenElectionAsync(3);
        using var gate = new Gate();
        var holder = BallotBox.CommitAsync(await PendingAsync(voters[0], election, candidates[0], gate.Hold), CancellationToken.None);
        gate.WaitUntilHeld();

        var hourBefore = Fixture.Clock.UtcNow;
        var turned = 0;
        void TurnTheHour()
        {
            if (Interlocked.Exchange(ref turned, 1) == 0)
            {
                Fixture.Clock.UtcNow = hourBefore.AddHours(1);
            }
        }

        var late = BallotBox.CommitAsync(await PendingAsync(voters[1], election, candidates[1], TurnTheHour), CancellationToken.None);
        var other = BallotBox.CommitAsync(await PendingAsync(voters[2], election, candidates[2]), CancellationToken.None);
        gate.Release();

        await holder;
        var results = await Task.WhenAll(late, other);
        var next = hourBefore.AddHours(1);
        Assert.Equal(new DateTimeOffset(next.Year, next.Month, next.Day, next.Hour, 0, 0, TimeSpan.Zero), results[0].Participation.VotedAt);
        foreach (var result in results)
        {
            var stored = await QueryAsync(db => db.Participations.Where(p => p.VoterId == result.Participation.VoterId).Select(p => p.VotedAt));
            Assert.Equal(result.Participation.VotedAt, Assert.Single(stored));
        }
    }

    [Fact]
    public async Task Two_instances_casting_for_the_same_voters_at_once_record_each_voter_once_with_gapless_sequences()
    {
        var (election, candidates, voters) = await OpenElectionAsync(60);
        await using var otherInstance = Fixture.BuildServices(Fixture.ConnectionString, configure: null);
        var boxes = new[] { BallotBox, otherInstance.GetRequiredService<IBallotBox>() };
        var pending = await Task.WhenAll(voters.SelectMany((v, i) => boxes.Select(async box => (box, v, await PendingAsync(v, election, candidates[i % 3])))));

        var outcomes = await Task.WhenAll(pending.Select(p => Task.Run(async () => (p.v, await OutcomeAsync(p.box.CommitAsync(p.Item3, CancellationToken.None))))));

        Assert.All(outcomes.GroupBy(o => o.v), votes => Assert.Equal([ErrorCodes.AlreadyVoted, "OK"], votes.Select(o => o.Item2).Order(StringComparer.Ordinal)));
        Assert.Equal(60, await CountAsync(db => db.Participations));
        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), await QueryAsync(db => db.Ballots.OrderBy(b => b.Sequence).Select(b => b.Sequence)));
        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), await OutboxVotes.SequencesAsync(Fixture));
        Assert.Equal(60, await LastSequenceAsync(election));
    }

    private async Task<(ElectionId Election, IReadOnlyList<CandidateId> Candidates, IReadOnlyList<UserId> Voters)> OpenElectionAsync(int voters)
    {
        var ids = await Scenario.SeedVotersAsync(voters);
        var (election, candidates) = await Scenario.CreateElectionAsync();
        await Scenario.OpenAsync(election);
        return (election, candidates, ids);
    }

    /// <summary>A vote as the handler hands it over: its own election and voter, checked by the domain when cast.</summary>
    private async Task<PendingVote> PendingAsync(UserId voterId, ElectionId electionId, CandidateId candidate, Action? whileCasting = null) =>
        await PendingOnAsync(await LoadAsync(electionId), voterId, candidate, whileCasting);

    private Task<Election> LoadAsync(ElectionId electionId) =>
        Fixture.InScopeAsync(async services => await services.GetRequiredService<IElectionRepository>().GetAsync(electionId, CancellationToken.None)
            ?? throw new InvalidOperationException("No such election."));

    /// <summary>
    /// As the handler hands it over: checked for the election taking votes, then cast by the domain for
    /// the voter the ballot box read in its transaction.
    /// </summary>
    private Task<PendingVote> PendingOnAsync(Election election, UserId voterId, CandidateId candidate, Action? whileCasting = null)
    {
        var choice = BallotChoice.Single(candidate);
        election.EnsureTakingVotes(Fixture.Clock);
        return Task.FromResult(new PendingVote(election, voterId, (record, sequence) =>
        {
            whileCasting?.Invoke();
            var voter = record.User ?? throw new DomainException(ErrorCodes.Unauthenticated, "Your account no longer exists.");
            return election.CastVote(voter, choice, new VoterStanding(HasVoted: false, record.OnVoterRoll), sequence, Fixture.Clock);
        }));
    }

    private static async Task<string> OutcomeAsync(Task<CastVoteResult> vote)
    {
        try
        {
            await vote;
            return "OK";
        }
        catch (DomainException e)
        {
            return e.Code;
        }
    }

    private Task<long> LastSequenceAsync(ElectionId election) =>
        Fixture.InScopeAsync(services => services.GetRequiredService<VotingDbContext>().BallotSequences
            .Where(s => s.ElectionId == election).Select(s => s.LastSequence).SingleAsync());

    private Task<int> CountAsync<T>(Func<VotingDbContext, IQueryable<T>> query) =>
        Fixture.InScopeAsync(services => query(services.GetRequiredService<VotingDbContext>()).CountAsync());

    private Task<List<T>> QueryAsync<T>(Func<VotingDbContext, IQueryable<T>> query) =>
        Fixture.InScopeAsync(services => query(services.GetRequiredService<VotingDbContext>()).ToListAsync());

    /// <summary>Holds the batch whose vote is being cast until released, so the next votes queue behind it.</summary>
    private sealed class Gate : IDisposable
    {
        private readonly ManualResetEventSlim _held = new();
        private readonly ManualResetEventSlim _released = new();

        public void Hold()
        {
            _held.Set();
            if (!_released.Wait(GateTimeout))
            {
                throw new TimeoutException("The test never released the gate.");
            }
        }

        public void WaitUntilHeld()
        {
            if (!_held.Wait(GateTimeout))
            {
                throw new TimeoutException("The gated vote's batch never started.");
            }
        }

        public void Release() => _released.Set();

        public void Dispose()
        {
            _released.Set();
            _held.Dispose();
            _released.Dispose();
        }
    }
}
