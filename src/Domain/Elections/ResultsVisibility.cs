namespace Voting.Domain.Elections;

public enum ResultsVisibility
{
    /// <summary>Tallies can be seen while the election is open.</summary>
    Live = 0,

    /// <summary>Tallies can be seen only once the election has closed.</summary>
    AfterClose = 1,
}
