using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Application.Elections;
using Voting.Application.Elections.ChangeElectionStatus;
using Voting.Application.Elections.CreateElection;
using Voting.Application.Elections.GetResults;
using Voting.Application.Elections.GetTally;
using Voting.Application.Elections.SetVoterRoll;
using Voting.Application.Users.LogIn;
using Voting.Application.Users.RefreshSession;
using Voting.Application.Users.Sessions;
using Voting.Application.Users.RegisterUser;
using Voting.Application.Voting.VerifyReceipt;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Users;
using Voting.Infrastructure.Persistence;
using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Persistence;

/// <summary>The use cases end to end on a real database; run once on PostgreSQL and once on SQLite.</summary>
public abstract class VotingTests(DatabaseFixture fixture) : DatabaseTests(fixture)
{
    [Fact]
    public async Task Fifty_concurrent_casts_by_one_voter_record_exactly_one_vote()
    {
        var voter = await Scenario.RegisterVoterAsync(1);
        var (election, candidates) = await Scenario.CreateElectionAsync();
        await Scenario.OpenAsync(election);

        var attempts = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            try
            {
                await Scenario.CastAsync(voter, election, candidates[i % candidates.Count]);
                return "OK";
            }
            catch (DomainException e)
            {
                return e.Code;
            }
        }));
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(o => o == "OK"));
        Assert.Equal(49, outcomes.Count(o => o == ErrorCodes.AlreadyVoted));
        Assert.Equal(1, await CountAsync(db => db.Participations.Where(p => p.ElectionId == election)));
        Assert.Equal(1, await CountAsync(db => db.Ballots.Where(b => b.ElectionId == election)));
        Assert.Equal([1L], await OutboxVotes.SequencesAsync(Fixture));
    }

    [Fact]
    public async Task A_thousand_voters_casting_concurrently_are_all_counted_with_gapless_sequences()
    {
        const int voters = 1000;
        var ids = await Scenario.SeedVotersAsync(voters);

        var (election, candidates) = await Scenario.CreateElectionAsync();
        await Scenario.OpenAsync(election);

        var receipts = await Task.WhenAll(ids.Select((voter, i) => Task.Run(() => Scenario.CastAsync(voter, election, candidates[i % 3]))));

        var tally = await AsObserverAsync(() => Scenario.RunAsync<GetTallyHandler, TallyView>(h => h.HandleAsync(new GetTallyQuery(election), CancellationToken.None)));
        Assert.Equal(voters, tally.Total);
        Assert.Equal([334L, 333L, 333L], tally.Candidates.Select(c => c.Votes));
        Assert.Equal(voters, tally.Version);
        Assert.Equal(Enumerable.Range(1, voters).Select(i => (long)i), receipts.Select(r => r.Sequence).Order());
        Assert.Equal(voters, receipts.Select(r => r.Receipt).Distinct().Count());
        Assert.Equal(voters, await CountAsync(db => db.Participations));
        Assert.Equal(Enumerable.Range(1, voters).Select(i => (long)i), await OutboxVotes.SequencesAsync(Fixture));
    }

    [Fact]
    public async Task An_election_runs_from_draft_to_published_results_and_receipts_verify()
    {
        var alice = await Scenario.RegisterVoterAsync(1);
        var bob = await Scenario.RegisterVoterAsync(2);
        var carol = await Scenario.RegisterVoterAsync(3);
        var (election, candidates) = await Scenario.CreateElectionAsync(3, ResultsVisibility.AfterClose);
        await Scenario.OpenAsync(election);

        var aliceReceipt = await Scenario.CastAsync(alice, election, candidates[1]);
        await Scenario.CastAsync(bob, election, candidates[1]);
        await Scenario.CastAsync(carol, election, candidates[0]);

        var hidden = await Assert.ThrowsAsync<DomainException>(() => AsObserverAsync(
            () => Scenario.RunAsync<GetTallyHandler, TallyView>(h => h.HandleAsync(new GetTallyQuery(election), CancellationToken.None))));
        Assert.Equal(ErrorCodes.Forbidden, hidden.Code);

        Fixture.Clock.UtcNow = Fixture.Clock.UtcNow.AddDays(1);
        Assert.Equal(ElectionStatus.Closed, await Scenario.TransitionAsync(election, ElectionTransition.Close));
        Assert.Equal(ElectionStatus.ResultsPublished, await Scenario.TransitionAsync(election, ElectionTransition.PublishResults));
        await Scenario.RegisterVoterAsync(4); // registered after closing: not part of the electorate

        var results = await AsObserverAsync(() => Scenario.RunAsync<GetResultsHandler, ResultsView>(h => h.HandleAsync(new GetResultsQuery(election), CancellationToken.None)));
        Assert.Equal(candidates[1], Assert.Single(results.Winners).CandidateId);
        Assert.False(results.IsTie);
        Assert.Equal(3, results.Tally.Total);
        Assert.Equal(3, results.Participations);
        Assert.Equal(3, results.Electorate);
        Assert.Equal(1.0, results.Turnout);

        var verified = await Scenario.RunAsync<VerifyReceiptHandler, ReceiptVerification>(h => h.HandleAsync(
            new VerifyReceiptQuery(election, aliceReceipt.Receipt.ToLowerInvariant()), CancellationToken.None));
        Assert.Equal(new ReceiptVerification(true, aliceReceipt.Sequence), verified);
        var forged = await Scenario.RunAsync<VerifyReceiptHandler, ReceiptVerification>(h => h.HandleAsync(
            new VerifyReceiptQuery(election, new string('0', 32)), CancellationToken.None));
        Assert.False(forged.Recorded);

        var events = await QueryAsync(db => db.OutboxMessages.OrderBy(m => m.Id).Select(m => m.Type));
        Assert.Equal(["ElectionScheduled", "ElectionOpened", "VotesCast", "VotesCast", "VotesCast", "ElectionClosed", "ElectionResultsPublished"], events);
    }

    [Fact]
    public async Task Candidates_of_several_elections_come_in_one_query_in_ballot_order()
    {
        var (first, firstCandidates) = await Scenario.CreateElectionAsync(3);
        var (second, secondCandidates) = await Scenario.CreateElectionAsync(2);
        var (empty, _) = await Scenario.CreateElectionAsync(0);

        var lists = await Fixture.InScopeAsync(services => services.GetRequiredService<IElectionQueries>()
            .ListCandidatesAsync([first, second, empty, first], CancellationToken.None));

        Assert.Equal(firstCandidates, lists[first].Select(c => c.Id));
        Assert.Equal(secondCandidates, lists[second].Select(c => c.Id));
        Assert.Equal(["Candidate 1", "Candidate 2"], lists[second].Select(c => c.Name));
        Assert.False(lists.ContainsKey(empty));
    }

    [Fact]
    public async Task Election_summaries_are_a_query_that_filters_orders_and_counts_on_the_database()
    {
        var (first, _) = await Scenario.CreateElectionAsync(3);
        var (second, _) = await Scenario.CreateElectionAsync(2);

        var rows = await Fixture.InScopeAsync(async services =>
        {
            var summaries = services.GetRequiredService<IElectionQueries>().Summaries();
            var wanted = new[] { first.Value, second.Value };
            return await summaries.Where(s => wanted.Contains(s.Id) && s.CandidateCount >= 2).OrderByDescending(s => s.Id).ThenBy(s => s.OpensAt).ToListAsync();
        });

        Assert.Equal(new[] { first.Value, second.Value }.OrderDescending(), rows.Select(r => r.Id));
        Assert.Equal([3, 2], rows.OrderBy(r => r.Id == first.Value ? 0 : 1).Select(r => r.CandidateCount));
        Assert.All(rows, r => Assert.Equal(ElectionStatus.Draft, r.Status));
    }

    [Fact]
    public async Task A_candidate_is_found_with_its_election_and_a_participation_with_its_hour()
    {
        var voter = await Scenario.RegisterVoterAsync(1);
        var (election, candidates) = await Scenario.CreateElectionAsync();
        await Scenario.OpenAsync(election);
        await Scenario.CastAsync(voter, election, candidates[1]);

        var (candidate, missing, votedAt, notVoted) = await Fixture.InScopeAsync(async services =>
        {
            var queries = services.GetRequiredService<IElectionQueries>();
            return (
                await queries.GetCandidateAsync(candidates[1], CancellationToken.None),
                await queries.GetCandidateAsync(CandidateId.New(), CancellationToken.None),
                await queries.FindParticipationAsync(election, voter, CancellationToken.None),
                await queries.FindParticipationAsync(election, UserId.New(), CancellationToken.None));
        });

        Assert.Equal((election, candidates[1]), (candidate!.ElectionId, candidate.Candidate.Id));
        Assert.Null(missing);
        Assert.Equal(new DateTimeOffset(Fixture.Clock.UtcNow.Year, Fixture.Clock.UtcNow.Month, Fixture.Clock.UtcNow.Day, Fixture.Clock.UtcNow.Hour, 0, 0, TimeSpan.Zero), votedAt);
        Assert.Null(notVoted);
    }

    [Fact]
    public async Task Participations_and_ballots_are_stored_with_no_shared_key()
    {
        var voter = await Scenario.RegisterVoterAsync(1);
        var (election, candidates) = await Scenario.CreateElectionAsync();
        await Scenario.OpenAsync(election);
        await Scenario.CastAsync(voter, election, candidates[0]);

        var columns = await Fixture.InScopeAsync(services =>
        {
            var model = services.GetRequiredService<VotingDbContext>().Model;
            return Task.FromResult(new[] { "Participations", "Ballots" }.ToDictionary(
                table => table,
                table => model.GetEntityTypes().Single(t => t.GetTableName() == table).GetProperties().Select(p => p.GetColumnName()).ToHashSet()));
        });
        Assert.Equal(["ElectionId"], columns["Participations"].Intersect(columns["Ballots"]));
        Assert.DoesNotContain("VoterId", columns["Ballots"]);
        Assert.DoesNotContain("Sequence", columns["Participations"]);
        var participation = await QueryAsync(db => db.Participations.Select(p => p.VotedAt));
        Assert.Equal(0, participation.Single().Minute);
    }

    [Fact]
    public async Task Registering_a_taken_citizen_id_concurrently_admits_one()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            try
            {
                await Scenario.RegisterVoterAsync(42);
                return "OK";
            }
            catch (DomainException e)
            {
                return e.Code;
            }
        })));

        Assert.Equal(1, outcomes.Count(o => o == "OK"));
        Assert.All(outcomes.Where(o => o != "OK"), o => Assert.Equal(ErrorCodes.DuplicateCitizenId, o));
        Assert.Equal(1, await CountAsync(db => db.Users));
    }

    [Fact]
    public async Task Log_in_checks_the_stored_password_hash_and_starts_a_session_that_rotates_until_a_token_is_reused()
    {
        await Scenario.RegisterVoterAsync(7);
        var grant = await Scenario.RunAsync<LogInHandler, SessionGrant>(h => h.HandleAsync(
            new LogInCommand(CitizenIds.Make(7), "correct horse battery", new ClientInfo("tests", "127.0.0.1")), CancellationToken.None));
        Assert.Equal(Role.Voter, grant.Roles);

        var wrong = await Assert.ThrowsAsync<DomainException>(() => Scenario.RunAsync<LogInHandler, SessionGrant>(h => h.HandleAsync(
            new LogInCommand(CitizenIds.Make(7), "wrong password"), CancellationToken.None)));
        Assert.Equal(ErrorCodes.InvalidCredentials, wrong.Code);

        var rotated = await Scenario.RunAsync<RefreshSessionHandler, SessionGrant>(h => h.HandleAsync(new RefreshSessionCommand(grant.RefreshToken), CancellationToken.None));
        Assert.Equal(grant.SessionId, rotated.SessionId);
        var reused = await Assert.ThrowsAsync<DomainException>(() => Scenario.RunAsync<RefreshSessionHandler, SessionGrant>(h => h.HandleAsync(new RefreshSessionCommand(grant.RefreshToken), CancellationToken.None)));
        Assert.Equal(ErrorCodes.RefreshTokenReused, reused.Code);

        // The end of the session was saved: the newest token of the family is refused too.
        var after = await Assert.ThrowsAsync<DomainException>(() => Scenario.RunAsync<RefreshSessionHandler, SessionGrant>(h => h.HandleAsync(new RefreshSessionCommand(rotated.RefreshToken), CancellationToken.None)));
        Assert.Equal(ErrorCodes.InvalidRefreshToken, after.Code);
        Assert.Equal(1, await CountAsync(db => db.Sessions));
    }

    [Fact]
    public async Task Two_refreshes_racing_with_one_token_give_one_new_token()
    {
        await Scenario.RegisterVoterAsync(8);
        var grant = await Scenario.RunAsync<LogInHandler, SessionGrant>(h => h.HandleAsync(
            new LogInCommand(CitizenIds.Make(8), "correct horse battery"), CancellationToken.None));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            try
            {
                await Scenario.RunAsync<RefreshSessionHandler, SessionGrant>(h => h.HandleAsync(new RefreshSessionCommand(grant.RefreshToken), CancellationToken.None));
                return "OK";
            }
            catch (DomainException e)
            {
                return e.Code;
            }
        })));

        Assert.True(outcomes.Count(o => o == "OK") <= 1, string.Join(", ", outcomes));
        Assert.All(outcomes.Where(o => o != "OK"), o => Assert.Contains(o, new[] { ErrorCodes.Conflict, ErrorCodes.RefreshTokenReused, ErrorCodes.InvalidRefreshToken }));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_typed_error_and_writes_nothing()
    {
        var badCitizen = await Assert.ThrowsAsync<ValidationFailedException>(() => Scenario.RunAsync<RegisterUserHandler, UserId>(h => h.HandleAsync(
            new RegisterUserCommand("1234567890123", "+66812345678", "correct horse battery"), CancellationToken.None)));
        Assert.Contains("CitizenId", badCitizen.Errors.Keys);
        var badPhone = await Assert.ThrowsAsync<ValidationFailedException>(() => Scenario.RunAsync<RegisterUserHandler, UserId>(h => h.HandleAsync(
            new RegisterUserCommand(CitizenIds.Make(1), "0812345678", "correct horse battery"), CancellationToken.None)));
        Assert.Contains("Phone", badPhone.Errors.Keys);
        var longTitle = await Assert.ThrowsAsync<ValidationFailedException>(() => Scenario.AsOfficerAsync(() => Scenario.RunAsync<CreateElectionHandler, ElectionId>(h => h.HandleAsync(
            new CreateElectionCommand(new string('x', 201), null, Fixture.Clock.UtcNow.AddHours(1), Fixture.Clock.UtcNow.AddDays(1)), CancellationToken.None))));
        Assert.Equal(ErrorCodes.Validation, longTitle.Code);

        var voter = await Scenario.RegisterVoterAsync(2);
        var (election, _) = await Scenario.CreateElectionAsync();
        await Scenario.OpenAsync(election);
        var unknownCandidate = await Assert.ThrowsAsync<DomainException>(() => Scenario.CastAsync(voter, election, CandidateId.New()));
        Assert.Equal(ErrorCodes.NotFound, unknownCandidate.Code);
        var unknownElection = await Assert.ThrowsAsync<DomainException>(() => Scenario.CastAsync(voter, ElectionId.New(), CandidateId.New()));
        Assert.Equal(ErrorCodes.NotFound, unknownElection.Code);

        Assert.Equal(1, await CountAsync(db => db.Users));
        Assert.Equal(1, await CountAsync(db => db.Elections));
        Assert.Equal(0, await CountAsync(db => db.Participations));
        Assert.Equal(0, await CountAsync(db => db.Ballots));
        Assert.Equal(0, await CountAsync(db => db.BallotSequences));
    }

    [Fact]
    public async Task Only_voters_on_the_roll_may_vote_once_a_roll_is_set()
    {
        var onRoll = await Scenario.RegisterVoterAsync(1);
        var offRoll = await Scenario.RegisterVoterAsync(2);
        var (election, candidates) = await Scenario.CreateElectionAsync();
        var summary = await Scenario.AsOfficerAsync(() => Scenario.RunAsync<SetVoterRollHandler, VoterRollSummary>(h => h.HandleAsync(
            new SetVoterRollCommand(election, [CitizenIds.Make(1), CitizenIds.Make(3), CitizenIds.Make(1)]), CancellationToken.None)));
        Assert.Equal(2, summary.Size);
        Assert.Equal(64, summary.Hash!.Length);
        Assert.Equal(2, await CountAsync(db => db.VoterRollEntries.Where(v => v.ElectionId == election)));
        await Scenario.OpenAsync(election);

        await Scenario.CastAsync(onRoll, election, candidates[0]);
        var refused = await Assert.ThrowsAsync<DomainException>(() => Scenario.CastAsync(offRoll, election, candidates[0]));
        Assert.Equal(ErrorCodes.NotEligible, refused.Code);

        var frozen = await Assert.ThrowsAsync<DomainException>(() => Scenario.AsOfficerAsync(() => Scenario.RunAsync<SetVoterRollHandler, VoterRollSummary>(h => h.HandleAsync(
            new SetVoterRollCommand(election, [CitizenIds.Make(2)]), CancellationToken.None))));
        Assert.Equal(ErrorCodes.InvalidState, frozen.Code);
        Assert.Equal(2, await CountAsync(db => db.VoterRollEntries.Where(v => v.ElectionId == election)));
    }

    [Fact]
    public async Task Two_officers_editing_one_election_conflict_instead_of_overwriting()
    {
        var (election, _) = await Scenario.CreateElectionAsync();
        await using var first = Fixture.Services.CreateAsyncScope();
        await using var second = Fixture.Services.CreateAsyncScope();
        var firstElection = await first.ServiceProvider.GetRequiredService<Application.Abstractions.IElectionRepository>().GetAsync(election, CancellationToken.None);
        var secondElection = await second.ServiceProvider.GetRequiredService<Application.Abstractions.IElectionRepository>().GetAsync(election, CancellationToken.None);
        firstElection!.AddCandidate("Late entry A", null);
        secondElection!.AddCandidate("Late entry B", null);

        await first.ServiceProvider.GetRequiredService<Application.Abstractions.IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
        var conflict = await Assert.ThrowsAsync<DomainException>(() =>
            second.ServiceProvider.GetRequiredService<Application.Abstractions.IUnitOfWork>().SaveChangesAsync(CancellationToken.None));
        Assert.Equal(ErrorCodes.Conflict, conflict.Code);
        Assert.Equal(4, await CountAsync(db => db.Candidates.Where(c => c.ElectionId == election)));
    }

    protected Task<T> AsObserverAsync<T>(Func<Task<T>> work)
    {
        Fixture.CurrentUser.Set(new UserId(Guid.NewGuid()), Role.Observer);
        return work();
    }

    protected Task<int> CountAsync<T>(Func<VotingDbContext, IQueryable<T>> query) =>
        Fixture.InScopeAsync(services => query(services.GetRequiredService<VotingDbContext>()).CountAsync());

    protected Task<List<T>> QueryAsync<T>(Func<VotingDbContext, IQueryable<T>> query) =>
        Fixture.InScopeAsync(services => query(services.GetRequiredService<VotingDbContext>()).ToListAsync());
}
