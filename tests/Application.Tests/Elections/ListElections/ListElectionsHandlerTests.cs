using NSubstitute;
using Voting.Application.Abstractions;
using Voting.Application.Elections;
using Voting.Application.Elections.ListElections;
using Voting.Application.Tests.TestSupport;
using Voting.Domain.Elections;
using Voting.Domain.Users;
using Xunit;

namespace Voting.Application.Tests.Elections.ListElections;

public sealed class ListElectionsHandlerTests
{
    private readonly IElectionQueries _queries = Substitute.For<IElectionQueries>();
    private readonly ElectionSummary[] _stored = [.. Enum.GetValues<ElectionStatus>().Select(Summary)];

    public ListElectionsHandlerTests()
    {
        _queries.Summaries().Returns(_ => _stored.AsQueryable());
    }

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.ElectionOfficer)]
    [InlineData(Role.ElectionOfficer | Role.Voter)]
    public void Officials_see_every_election_drafts_included(Role roles)
    {
        var listed = Handler(Callers.SignedIn(roles)).Handle(new ListElectionsQuery()).ToList();

        Assert.Equal(_stored, listed);
    }

    [Theory]
    [InlineData(Role.None)]
    [InlineData(Role.Voter)]
    [InlineData(Role.Observer)]
    [InlineData(Role.Voter | Role.Observer)]
    public void Everyone_else_sees_every_election_but_drafts(Role roles)
    {
        var caller = roles == Role.None ? Callers.Anonymous() : Callers.SignedIn(roles);

        var listed = Handler(caller).Handle(new ListElectionsQuery()).ToList();

        Assert.Equal(_stored.Where(e => e.Status != ElectionStatus.Draft), listed);
    }

    [Fact]
    public void The_draft_rule_holds_whatever_the_caller_adds_to_the_query()
    {
        var listed = Handler(Callers.Voter()).Handle(new ListElectionsQuery()).Where(e => e.Status == ElectionStatus.Draft).ToList();

        Assert.Empty(listed);
    }

    [Fact]
    public void The_query_is_not_run_by_the_handler()
    {
        var query = Handler(Callers.Anonymous()).Handle(new ListElectionsQuery());

        Assert.IsAssignableFrom<IQueryable<ElectionSummary>>(query);
        _queries.Received(1).Summaries();
    }

    private static ElectionSummary Summary(ElectionStatus status) => new()
    {
        Id = Guid.CreateVersion7(),
        Title = $"{status} election",
        Description = $"An election that is {status}",
        Status = status,
        OpensAt = TestDetails.OpensAt,
        ClosesAt = TestDetails.ClosesAt,
        ResultsVisibility = ResultsVisibility.AfterClose,
        CandidateCount = 2,
    };

    private ListElectionsHandler Handler(ICurrentUser caller) => new(caller, _queries);
}
