using Microsoft.Extensions.DependencyInjection;
using Voting.Application.Elections.AddCandidate;
using Voting.Application.Elections.ChangeElectionStatus;
using Voting.Application.Elections.CreateElection;
using Voting.Application.Users.RegisterUser;
using Voting.Application.Voting.CastVote;
using Voting.Domain.Elections;
using Voting.Domain.Users;

namespace Voting.Infrastructure.Tests.Support;

/// <summary>Drives the real use cases against the fixture's database, one scope per call as a request would.</summary>
public sealed class Scenario(DatabaseFixture fixture)
{
    public static readonly UserId Officer = new(Guid.Parse("00000000-0000-7000-8000-000000000001"));

    public DatabaseFixture Fixture => fixture;

    public Task<TResult> RunAsync<THandler, TResult>(Func<THandler, Task<TResult>> call)
        where THandler : notnull =>
        fixture.InScopeAsync(services => call(services.GetRequiredService<THandler>()));

    public async Task<T> AsOfficerAsync<T>(Func<Task<T>> work)
    {
        fixture.CurrentUser.Set(Officer, Role.ElectionOfficer);
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            fixture.CurrentUser.Set(null, Role.None);
        }
    }

    public Task<UserId> RegisterVoterAsync(long n) =>
        RunAsync<RegisterUserHandler, UserId>(h => h.HandleAsync(
            new RegisterUserCommand(CitizenIds.Make(n), "+6681234" + (n % 100_000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture), "correct horse battery"),
            CancellationToken.None));

    /// <summary>
    /// Registers voters 1..<paramref name="count"/> straight through the DbContext with one shared
    /// password hash: hashing a thousand passwords (PBKDF2) would cost minutes and test nothing here.
    /// </summary>
    public async Task<IReadOnlyList<UserId>> SeedVotersAsync(int count)
    {
        var hash = new Voting.Infrastructure.Security.PasswordHasher().Hash("correct horse battery");
        var users = Enumerable.Range(1, count)
            .Select(n => User.Register(CitizenId.Parse(CitizenIds.Make(n)), PhoneNumber.Parse("+6690" + n.ToString("D7", System.Globalization.CultureInfo.InvariantCulture)), hash, fixture.Clock))
            .ToList();
        await fixture.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<Voting.Infrastructure.Persistence.VotingDbContext>();
            db.Users.AddRange(users);
            return await db.SaveChangesAsync().ConfigureAwait(false);
        }).ConfigureAwait(false);
        return users.Select(u => u.Id).ToList();
    }

    /// <summary>A Draft election opening in an hour and closing in a day, with <paramref name="candidates"/> candidates.</summary>
    public Task<(ElectionId Election, IReadOnlyList<CandidateId> Candidates)> CreateElectionAsync(int candidates = 3, ResultsVisibility visibility = ResultsVisibility.Live) =>
        AsOfficerAsync(async () =>
        {
            var now = fixture.Clock.UtcNow;
            var election = await RunAsync<CreateElectionHandler, ElectionId>(h => h.HandleAsync(
                new CreateElectionCommand("Mayor", "City election", now.AddHours(1), now.AddDays(1), BallotKind.SingleChoice, visibility),
                CancellationToken.None)).ConfigureAwait(false);
            var ids = new List<CandidateId>();
            for (var i = 0; i < candidates; i++)
            {
                var name = $"Candidate {i + 1}";
                ids.Add(await RunAsync<AddCandidateHandler, CandidateId>(h => h.HandleAsync(
                    new AddCandidateCommand(election, name, $"Party {i + 1}"), CancellationToken.None)).ConfigureAwait(false));
            }

            return (election, (IReadOnlyList<CandidateId>)ids);
        });

    public Task<ElectionStatus> TransitionAsync(ElectionId election, ElectionTransition transition) =>
        AsOfficerAsync(() => RunAsync<ChangeElectionStatusHandler, ElectionStatus>(h => h.HandleAsync(
            new ChangeElectionStatusCommand(election, transition), CancellationToken.None)));

    /// <summary>Schedules <paramref name="election"/>, moves the clock to its opening and opens it.</summary>
    public async Task OpenAsync(ElectionId election)
    {
        await TransitionAsync(election, ElectionTransition.Schedule).ConfigureAwait(false);
        fixture.Clock.UtcNow = fixture.Clock.UtcNow.AddHours(1).AddMinutes(1);
        await TransitionAsync(election, ElectionTransition.Open).ConfigureAwait(false);
    }

    public async Task<CastVoteReceipt> CastAsync(UserId voter, ElectionId election, CandidateId candidate)
    {
        fixture.CurrentUser.Set(voter, Role.Voter);
        return await RunAsync<CastVoteHandler, CastVoteReceipt>(h => h.HandleAsync(new CastVoteCommand(election, candidate), CancellationToken.None))
            .ConfigureAwait(false);
    }
}
