using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Tests.Support;
using Voting.Domain.Users;

namespace Voting.Domain.Tests.Elections;

public sealed class ElectionEligibilityTests
{
    private readonly FakeClock _clock = TestElection.Clock();

    public static TheoryData<ElectionStatus> EditableStatuses => new(ElectionStatus.Draft, ElectionStatus.Scheduled);

    public static TheoryData<ElectionStatus> FrozenStatuses =>
        new(ElectionStatus.Open, ElectionStatus.Closed, ElectionStatus.ResultsPublished, ElectionStatus.Cancelled);

    [Theory]
    [MemberData(nameof(EditableStatuses))]
    public void Setting_a_voter_roll_before_opening_restricts_voting_to_it(ElectionStatus status)
    {
        var election = TestElection.InStatus(status, _clock);
        var roll = VoterRoll.Create([CitizenIds.Unique(), CitizenIds.Unique(), CitizenIds.Unique()]);
        var version = election.Version;

        election.SetVoterRoll(roll);

        Assert.Equal(EligibilityMode.VoterRoll, election.Eligibility);
        Assert.Equal(roll.Hash, election.VoterRollHash);
        Assert.Equal(3, election.VoterRollSize);
        Assert.Equal(version + 1, election.Version);
    }

    [Fact]
    public void Setting_a_new_voter_roll_replaces_the_old_one()
    {
        var election = TestElection.Draft(_clock);
        election.SetVoterRoll(VoterRoll.Create([CitizenIds.Unique(), CitizenIds.Unique()]));
        var replacement = VoterRoll.Create([CitizenIds.Unique()]);

        election.SetVoterRoll(replacement);

        Assert.Equal(replacement.Hash, election.VoterRollHash);
        Assert.Equal(1, election.VoterRollSize);
    }

    [Fact]
    public void Setting_no_voter_roll_is_refused()
    {
        var election = TestElection.Draft(_clock);

        Assert.Throws<ArgumentNullException>(() => election.SetVoterRoll(null!));
    }

    [Theory]
    [MemberData(nameof(FrozenStatuses))]
    public void Setting_a_voter_roll_once_open_is_refused(ElectionStatus status)
    {
        var election = TestElection.InStatus(status, _clock);
        var roll = VoterRoll.Create([CitizenIds.Unique()]);

        Refused.WithoutChange(ErrorCodes.InvalidState, election, () => election.SetVoterRoll(roll));
    }

    [Theory]
    [MemberData(nameof(EditableStatuses))]
    public void Allowing_all_registered_voters_drops_the_roll(ElectionStatus status)
    {
        var election = TestElection.Draft(_clock);
        election.SetVoterRoll(VoterRoll.Create([CitizenIds.Unique()]));
        TestElection.Advance(election, status, _clock);
        var version = election.Version;

        election.AllowAllRegisteredVoters();

        Assert.Equal(EligibilityMode.AllRegisteredVoters, election.Eligibility);
        Assert.Null(election.VoterRollHash);
        Assert.Equal(0, election.VoterRollSize);
        Assert.Equal(version + 1, election.Version);
    }

    [Theory]
    [MemberData(nameof(FrozenStatuses))]
    public void Allowing_all_registered_voters_once_open_is_refused(ElectionStatus status)
    {
        var election = TestElection.Draft(_clock);
        election.SetVoterRoll(VoterRoll.Create([CitizenIds.Unique()]));
        TestElection.Advance(election, status, _clock);

        Refused.WithoutChange(ErrorCodes.InvalidState, election, election.AllowAllRegisteredVoters);
    }

    [Theory]
    [InlineData(Role.Voter, EligibilityMode.AllRegisteredVoters, false, true)]
    [InlineData(Role.Voter, EligibilityMode.AllRegisteredVoters, true, true)]
    [InlineData(Role.Voter, EligibilityMode.VoterRoll, true, true)]
    [InlineData(Role.Voter, EligibilityMode.VoterRoll, false, false)]
    [InlineData(Role.Voter | Role.Admin, EligibilityMode.VoterRoll, true, true)]
    [InlineData(Role.Admin, EligibilityMode.AllRegisteredVoters, false, false)]
    [InlineData(Role.Admin | Role.ElectionOfficer | Role.Observer, EligibilityMode.AllRegisteredVoters, true, false)]
    [InlineData(Role.ElectionOfficer, EligibilityMode.VoterRoll, true, false)]
    [InlineData(Role.None, EligibilityMode.AllRegisteredVoters, false, false)]
    [InlineData(Role.None, EligibilityMode.VoterRoll, true, false)]
    public void Only_voters_are_eligible_and_with_a_roll_only_those_on_it(Role roles, EligibilityMode mode, bool onRoll, bool eligible)
    {
        var election = TestElection.Draft(_clock);
        if (mode == EligibilityMode.VoterRoll)
        {
            election.SetVoterRoll(VoterRoll.Create([CitizenIds.Unique()]));
        }

        var user = Voters.Holding(roles, _clock);

        Assert.Equal(eligible, election.IsEligible(user, onRoll));
    }

    [Fact]
    public void Eligibility_of_no_user_is_refused()
    {
        var election = TestElection.Draft(_clock);

        Assert.Throws<ArgumentNullException>(() => election.IsEligible(null!, onVoterRoll: true));
    }
}
