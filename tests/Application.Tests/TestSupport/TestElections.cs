using Voting.Domain.Elections;
using Voting.Domain.Users;

namespace Voting.Application.Tests.TestSupport;

/// <summary>
/// Elections built through their intent methods, in each state of the lifecycle. They open an hour
/// after <see cref="FakeClock.UtcNow"/> and close a day after it; reaching Open or later moves the clock.
/// </summary>
internal static class TestElections
{
    public static readonly TimeSpan OpensAfter = TimeSpan.FromHours(1);
    public static readonly TimeSpan ClosesAfter = TimeSpan.FromDays(1);

    public static Election Draft(
        FakeClock clock,
        int candidates = 2,
        ResultsVisibility visibility = ResultsVisibility.AfterClose,
        VoterRoll? roll = null)
    {
        var election = Election.Create(
            "Board election",
            "Annual board election",
            clock.UtcNow + OpensAfter,
            clock.UtcNow + ClosesAfter,
            BallotKind.SingleChoice,
            visibility,
            UserId.New(),
            clock);
        for (var i = 1; i <= candidates; i++)
        {
            election.AddCandidate($"Candidate {i}", $"Party {i}");
        }

        if (roll is not null)
        {
            election.SetVoterRoll(roll);
        }

        return election;
    }

    public static Election Scheduled(FakeClock clock, ResultsVisibility visibility = ResultsVisibility.AfterClose, VoterRoll? roll = null)
    {
        var election = Draft(clock, visibility: visibility, roll: roll);
        election.Schedule(clock);
        return election;
    }

    public static Election Open(FakeClock clock, ResultsVisibility visibility = ResultsVisibility.AfterClose, VoterRoll? roll = null)
    {
        var election = Scheduled(clock, visibility, roll);
        clock.Set(election.OpensAt + TimeSpan.FromMinutes(1));
        election.Open(clock);
        return election;
    }

    public static Election Closed(FakeClock clock)
    {
        var election = Open(clock);
        clock.Set(election.ClosesAt + TimeSpan.FromMinutes(1));
        election.Close(clock, registeredVoters: 3);
        return election;
    }

    public static Election Published(FakeClock clock)
    {
        var election = Closed(clock);
        election.PublishResults(clock);
        return election;
    }

    public static Election Cancelled(FakeClock clock)
    {
        var election = Draft(clock);
        election.Cancel(clock);
        return election;
    }

    public static Election In(ElectionStatus status, FakeClock clock) => status switch
    {
        ElectionStatus.Draft => Draft(clock),
        ElectionStatus.Scheduled => Scheduled(clock),
        ElectionStatus.Open => Open(clock),
        ElectionStatus.Closed => Closed(clock),
        ElectionStatus.ResultsPublished => Published(clock),
        ElectionStatus.Cancelled => Cancelled(clock),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static VoterRoll Roll(params long[] seeds) =>
        VoterRoll.Create(seeds.Select(s => CitizenId.Parse(CitizenIds.Valid(s))));
}
