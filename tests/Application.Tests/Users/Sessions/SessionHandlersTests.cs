using NSubstitute;
using Voting.Application.Abstractions;
using Voting.Application.Tests.TestSupport;
using Voting.Application.Users.AssignRole;
using Voting.Application.Users.GetMe;
using Voting.Application.Users.LogOut;
using Voting.Application.Users.RefreshSession;
using Voting.Application.Users.Sessions;
using Voting.Domain.Common;
using Voting.Domain.Users;
using Xunit;

namespace Voting.Application.Tests.Users.Sessions;

public sealed class SessionHandlersTests
{
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly ISessionRepository _sessions = Substitute.For<ISessionRepository>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly FakeClock _clock = new();
    private readonly SessionOptions _options = new();
    private readonly User _user;
    private readonly Session _session;
    private readonly string _token;

    public SessionHandlersTests()
    {
        _user = TestUsers.Voter(_clock, seed: 7);
        _users.GetAsync(_user.Id, Arg.Any<CancellationToken>()).Returns(_user);
        var id = SessionId.New();
        (_token, var hash) = RefreshTokens.Issue(id);
        _session = Session.Start(id, _user.Id, hash, _options.RefreshTokenLifetime, "agent", "10.0.0.1", _clock);
        _sessions.GetAsync(id, Arg.Any<CancellationToken>()).Returns(_session);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Refreshing_rotates_the_token_and_carries_the_roles_the_user_has_now()
    {
        _user.AssignRole(Role.Observer);
        _clock.Advance(TimeSpan.FromDays(3));

        var grant = await Refresh().HandleAsync(new RefreshSessionCommand(_token), Ct);

        Assert.NotEqual(_token, grant.RefreshToken);
        Assert.Equal((_session.Id, Role.Voter | Role.Observer), (grant.SessionId, grant.Roles));
        Assert.Equal(_clock.UtcNow + _options.RefreshTokenLifetime, grant.RefreshTokenExpiresAt);
        Assert.True(RefreshTokens.TryParse(grant.RefreshToken, out _, out var hash));
        Assert.Equal(hash, _session.TokenHash);
        await _unitOfWork.Received(1).SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task Presenting_a_spent_token_ends_the_session_saves_that_and_refuses_both_tokens()
    {
        var fresh = await Refresh().HandleAsync(new RefreshSessionCommand(_token), Ct);

        await Refusals.RefusedAsync(ErrorCodes.RefreshTokenReused, () => Refresh().HandleAsync(new RefreshSessionCommand(_token), Ct));

        Assert.Equal(SessionEnd.TokenReused, _session.EndReason);
        await _unitOfWork.Received(2).SaveChangesAsync(Ct);
        await Refusals.RefusedAsync(ErrorCodes.InvalidRefreshToken, () => Refresh().HandleAsync(new RefreshSessionCommand(fresh.RefreshToken), Ct));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("00000000000000000000000000000000.AAAA")]
    public async Task A_malformed_or_unknown_token_is_invalid_and_nothing_is_written(string token)
    {
        await Refusals.RefusedAsync(ErrorCodes.InvalidRefreshToken, () => Refresh().HandleAsync(new RefreshSessionCommand(token), Ct));

        Assert.Empty(_unitOfWork.ReceivedCalls());
    }

    [Fact]
    public async Task A_well_formed_token_of_no_session_is_invalid()
    {
        var (token, _) = RefreshTokens.Issue(SessionId.New());

        await Refusals.RefusedAsync(ErrorCodes.InvalidRefreshToken, () => Refresh().HandleAsync(new RefreshSessionCommand(token), Ct));
    }

    [Fact]
    public async Task Logging_out_ends_the_callers_current_session_only()
    {
        var caller = Caller(_user.Id, _session.Id);

        Assert.True(await new LogOutHandler(caller, _sessions, _unitOfWork, _clock).HandleAsync(Ct));

        Assert.Equal(SessionEnd.LoggedOut, _session.EndReason);
        await Refusals.RefusedAsync(ErrorCodes.InvalidRefreshToken, () => Refresh().HandleAsync(new RefreshSessionCommand(_token), Ct));
    }

    [Fact]
    public async Task Logging_out_of_someone_elses_session_changes_nothing()
    {
        var caller = Caller(UserId.New(), _session.Id);

        Assert.False(await new LogOutHandler(caller, _sessions, _unitOfWork, _clock).HandleAsync(Ct));

        Assert.Equal(SessionEnd.None, _session.EndReason);
        Assert.Empty(_unitOfWork.ReceivedCalls());
    }

    [Fact]
    public async Task Logging_out_anonymously_is_unauthenticated()
    {
        await Refusals.RefusedAsync(ErrorCodes.Unauthenticated, () => new LogOutHandler(Callers.Anonymous(), _sessions, _unitOfWork, _clock).HandleAsync(Ct));
    }

    [Fact]
    public async Task Me_lists_live_sessions_and_marks_the_current_one()
    {
        var other = Session.Start(SessionId.New(), _user.Id, new string('e', 64), _options.RefreshTokenLifetime, null, null, _clock);
        _sessions.ListActiveAsync(_user.Id, _clock.UtcNow, Arg.Any<CancellationToken>()).Returns([_session, other]);

        var me = await new GetMeHandler(Caller(_user.Id, _session.Id), _users, _sessions, _clock).HandleAsync(Ct);

        Assert.Equal((_user.Id, _user.CitizenId, Role.Voter), (me.Id, me.CitizenId, me.Roles));
        Assert.Equal([true, false], me.Sessions.Select(s => s.Current));
        Assert.Equal("agent", me.Sessions[0].UserAgent);
    }

    [Fact]
    public async Task An_admin_assigns_a_role_and_others_may_not()
    {
        var handler = new AssignRoleHandler(Callers.Admin(), _users, _unitOfWork);

        Assert.Equal(Role.Voter | Role.ElectionOfficer, await handler.HandleAsync(new AssignRoleCommand(_user.Id, Role.ElectionOfficer), Ct));

        await Refusals.RefusedAsync(
            ErrorCodes.Forbidden,
            () => new AssignRoleHandler(Callers.SignedIn(Role.ElectionOfficer), _users, _unitOfWork).HandleAsync(new AssignRoleCommand(_user.Id, Role.Admin), Ct));
        await Refusals.RefusedAsync(
            ErrorCodes.Unauthenticated,
            () => new AssignRoleHandler(Callers.Anonymous(), _users, _unitOfWork).HandleAsync(new AssignRoleCommand(_user.Id, Role.Admin), Ct));
        await Refusals.RefusedAsync(
            ErrorCodes.NotFound,
            () => handler.HandleAsync(new AssignRoleCommand(UserId.New(), Role.Observer), Ct));
        Assert.False(_user.HasRole(Role.Admin));
    }

    private static ICurrentUser Caller(UserId id, SessionId session)
    {
        var caller = Callers.SignedIn(Role.Voter, id);
        caller.SessionId.Returns(session);
        return caller;
    }

    private RefreshSessionHandler Refresh() => new(_sessions, _users, _options, _unitOfWork, _clock);
}
