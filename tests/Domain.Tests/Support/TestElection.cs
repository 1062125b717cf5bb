using System.Reflection;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Users;

namespace Voting.Domain.Tests.Support;

/// <summary>
/// Builds elections in each status. Each builder clears the domain events it caused, so a test
/// sees only the events of the step under test, and leaves the clock at a moment that suits the
/// status: <see cref="CreatedAt"/> before opening, <see cref="DuringVoting"/> while open and
/// <see cref="AfterClosing"/> once closed.
/// </summary>
internal static class TestElection
{
    public const string Title = "Student council 2030";

    public static readonly DateTimeOffset CreatedAt = new(2030, 5, 1, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset OpensAt = CreatedAt.AddDays(1);
    public static readonly DateTimeOffset ClosesAt = CreatedAt.AddDays(2);
    public static readonly DateTimeOffset DuringVoting = OpensAt.AddHours(5).AddMinutes(47).AddSeconds(31).AddMilliseconds(123);
    public static readonly DateTimeOffset AfterClosing = ClosesAt.AddHours(1);
    public static readonly UserId Officer = new(Guid.Parse("0196a3f0-0000-7000-8000-000000000001"));

    public static FakeClock Clock() => new(CreatedAt);

    public static Election Create(
        IClock clock,
        ResultsVisibility visibility = ResultsVisibility.Live,
        DateTimeOffset? opensAt = null,
        DateTimeOffset? closesAt = null) =>
        Election.Create(
            Title,
            "The yearly vote.",
            opensAt ?? OpensAt,
            closesAt ?? ClosesAt,
            BallotKind.SingleChoice,
            visibility,
            Officer,
            clock);

    public static Election Draft(FakeClock clock, int candidates = 2, ResultsVisibility visibility = ResultsVisibility.Live)
    {
        clock.UtcNow = CreatedAt;
        var election = Create(clock, visibility);
        for (var i = 1; i <= candidates; i++)
        {
            election.AddCandidate($"Candidate {i}", $"Party {i}");
        }

        election.ClearDomainEvents();
        return election;
    }

    public static Election InStatus(ElectionStatus status, FakeClock clock, ResultsVisibility visibility = ResultsVisibility.Live)
    {
        var election = Draft(clock, visibility: visibility);
        Advance(election, status, clock);
        return election;
    }

    /// <summary>Takes a draft along the usual path to <paramref name="status"/>.</summary>
    public static void Advance(Election election, ElectionStatus status, FakeClock clock)
    {
        Assert.Equal(ElectionStatus.Draft, election.Status);
        if (status == ElectionStatus.Cancelled)
        {
            election.Cancel(clock);
        }
        else if (status != ElectionStatus.Draft)
        {
            election.Schedule(clock);
            if (status != ElectionStatus.Scheduled)
            {
                clock.UtcNow = DuringVoting;
                election.Open(clock);
                if (status != ElectionStatus.Open)
                {
                    clock.UtcNow = AfterClosing;
                    election.Close(clock, registeredVoters: 3);
                    if (status != ElectionStatus.Closed)
                    {
                        election.PublishResults(clock);
                    }
                }
            }
        }

        Assert.Equal(status, election.Status);
        election.ClearDomainEvents();
    }

    public static Election Open(FakeClock clock, ResultsVisibility visibility = ResultsVisibility.Live) =>
        InStatus(ElectionStatus.Open, clock, visibility);

    /// <summary>
    /// Puts the election in roll mode with an empty roll, as a row loaded from storage could be.
    /// The domain's own methods cannot reach this state (<see cref="VoterRoll.Create"/> refuses an
    /// empty roll), so the private setters are used.
    /// </summary>
    public static void ForceEmptyVoterRoll(Election election)
    {
        Set(election, nameof(Election.Eligibility), EligibilityMode.VoterRoll);
        Set(election, nameof(Election.VoterRollHash), new string('0', 64));
        Set(election, nameof(Election.VoterRollSize), 0);
    }

    private static void Set(Election election, string property, object value) =>
        typeof(Election).GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.SetValue(election, value);
}
