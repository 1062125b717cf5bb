namespace Voting.Domain.Elections;

public enum EligibilityMode
{
    /// <summary>Every user holding the Voter role may vote.</summary>
    AllRegisteredVoters = 0,

    /// <summary>Only voters whose citizen ID is on the election's roll may vote.</summary>
    VoterRoll = 1,
}
