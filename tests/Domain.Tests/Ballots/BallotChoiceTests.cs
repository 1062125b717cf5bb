using Voting.Domain.Ballots;
using Voting.Domain.Elections;

namespace Voting.Domain.Tests.Ballots;

public sealed class BallotChoiceTests
{
    [Fact]
    public void A_single_choice_marks_exactly_the_one_candidate()
    {
        var candidate = CandidateId.New();

        Assert.Equal([candidate], BallotChoice.Single(candidate).Candidates);
    }
}
