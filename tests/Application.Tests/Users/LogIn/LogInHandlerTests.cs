using NSubstitute;
using Voting.Application.Abstractions;
using Voting.Application.Tests.TestSupport;
using Voting.Application.Users.LogIn;
using Voting.Application.Users.Sessions;
using Voting.Application.Users.RegisterUser;
using Voting.Domain.Common;
using Voting.Domain.Users;
using Xunit;

namespace Voting.Application.Tests.Users.LogIn;

public sealed class LogInHandlerTests
{
    private const string Password = "correct horse battery";

    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly IPasswordHasher _hasher = Substitute.For<IPasswordHasher>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly ISessionRepository _sessions = Substitute.For<ISessionRepository>();
    private readonly FakeClock _clock = new();
    private readonly User _user;

    public LogInHandlerTests()
    {
        _user = TestUsers.Voter(_clock, seed: 42, passwordHash: "stored-hash");
        _users.FindByCitizenIdAsync(_user.CitizenId, Arg.Any<CancellationToken>()).Returns(_user);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_right_password_starts_a_session_whose_refresh_token_is_stored_only_as_a_hash()
    {
        _hasher.Verify("stored-hash", Password).Returns(PasswordCheck.Success);
        Session? started = null;
        _sessions.Add(Arg.Do<Session>(s => started = s));

        var result = await Handler().HandleAsync(new LogInCommand(CitizenIds.Valid(42), Password, new ClientInfo("curl/8", "10.1.2.3")), Ct);

        Assert.Equal((_user.Id, Role.Voter), (result.UserId, result.Roles));
        Assert.NotNull(started);
        Assert.Equal((result.SessionId, _user.Id, "curl/8", "10.1.2.3"), (started.Id, started.UserId, started.UserAgent, started.Address));
        Assert.Equal(_clock.UtcNow + new SessionOptions().RefreshTokenLifetime, result.RefreshTokenExpiresAt);
        Assert.True(RefreshTokens.TryParse(result.RefreshToken, out var named, out var hash));
        Assert.Equal((started.Id, started.TokenHash), (named, hash));
        Assert.DoesNotContain(started.TokenHash, result.RefreshToken, StringComparison.Ordinal);
        Assert.Equal("stored-hash", _user.PasswordHash);
        _hasher.DidNotReceiveWithAnyArgs().Hash(default!);
        await _unitOfWork.Received(1).SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task The_roles_returned_are_the_users_roles()
    {
        _user.AssignRole(Role.ElectionOfficer);
        _hasher.Verify("stored-hash", Password).Returns(PasswordCheck.Success);

        var result = await Handler().HandleAsync(new LogInCommand(CitizenIds.Valid(42), Password), Ct);

        Assert.Equal(Role.Voter | Role.ElectionOfficer, result.Roles);
    }

    [Fact]
    public async Task A_citizen_ID_typed_with_separators_finds_the_user()
    {
        var digits = CitizenIds.Valid(42);
        _hasher.Verify("stored-hash", Password).Returns(PasswordCheck.Success);

        var result = await Handler().HandleAsync(new LogInCommand($"{digits[..1]}-{digits[1..5]} {digits[5..]}", Password), Ct);

        Assert.Equal(_user.Id, result.UserId);
    }

    [Fact]
    public async Task A_correct_password_with_an_old_hash_is_rehashed_and_saved_once()
    {
        _hasher.Verify("stored-hash", Password).Returns(PasswordCheck.SuccessRehashNeeded);
        _hasher.Hash(Password).Returns("fresh-hash");

        var result = await Handler().HandleAsync(new LogInCommand(CitizenIds.Valid(42), Password), Ct);

        Assert.Equal("fresh-hash", _user.PasswordHash);
        await _unitOfWork.Received(1).SaveChangesAsync(Ct);
        Assert.Equal(_user.Id, result.UserId);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_as_invalid_credentials()
    {
        _hasher.Verify("stored-hash", "wrong password").Returns(PasswordCheck.Failed);

        await Refusals.RefusedAsync(
            ErrorCodes.InvalidCredentials,
            () => Handler().HandleAsync(new LogInCommand(CitizenIds.Valid(42), "wrong password"), Ct));

        Assert.Equal("stored-hash", _user.PasswordHash);
        Assert.Empty(_unitOfWork.ReceivedCalls());
    }

    [Fact]
    public async Task An_unknown_citizen_ID_is_refused_as_invalid_credentials_after_hashing_the_password()
    {
        await Refusals.RefusedAsync(
            ErrorCodes.InvalidCredentials,
            () => Handler().HandleAsync(new LogInCommand(CitizenIds.Valid(43), Password), Ct));

        _hasher.Received(1).Hash(Password);
        _hasher.DidNotReceiveWithAnyArgs().Verify(default!, default!);
        Assert.Empty(_unitOfWork.ReceivedCalls());
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("not a citizen id")]
    public async Task A_malformed_citizen_ID_is_refused_as_invalid_credentials_without_a_lookup(string citizenId)
    {
        await Refusals.RefusedAsync(ErrorCodes.InvalidCredentials, () => Handler().HandleAsync(new LogInCommand(citizenId, Password), Ct));

        await _users.DidNotReceiveWithAnyArgs().FindByCitizenIdAsync(default, Ct);
        _hasher.Received(1).Hash(Password);
    }

    [Fact]
    public async Task An_unknown_citizen_and_a_wrong_password_get_the_same_answer()
    {
        _hasher.Verify("stored-hash", "wrong password").Returns(PasswordCheck.Failed);

        var unknown = await Refusals.RefusedAsync(
            ErrorCodes.InvalidCredentials,
            () => Handler().HandleAsync(new LogInCommand(CitizenIds.Valid(43), Password), Ct));
        var wrong = await Refusals.RefusedAsync(
            ErrorCodes.InvalidCredentials,
            () => Handler().HandleAsync(new LogInCommand(CitizenIds.Valid(42), "wrong password"), Ct));

        Assert.Equal(unknown.Message, wrong.Message);
    }

    [Theory]
    [InlineData("", Password, "CitizenId")]
    [InlineData("   ", Password, "CitizenId")]
    [InlineData("123456789012345678901234567890123", Password, "CitizenId")]
    [InlineData("1234567890121", "", "Password")]
    public async Task Empty_or_oversized_input_is_refused_before_any_lookup(string citizenId, string password, string field)
    {
        await Refusals.InvalidAsync(() => Handler().HandleAsync(new LogInCommand(citizenId, password), Ct), field);

        await _users.DidNotReceiveWithAnyArgs().FindByCitizenIdAsync(default, Ct);
        Assert.Empty(_unitOfWork.ReceivedCalls());
    }

    [Fact]
    public async Task An_oversized_password_is_refused_and_never_hashed()
    {
        var password = new string('p', RegisterUserValidator.MaxPasswordLength + 1);

        await Refusals.InvalidAsync(() => Handler().HandleAsync(new LogInCommand(CitizenIds.Valid(42), password), Ct), "Password");

        _hasher.DidNotReceiveWithAnyArgs().Hash(default!);
        _hasher.DidNotReceiveWithAnyArgs().Verify(default!, default!);
    }

    private LogInHandler Handler() => new(new LogInValidator(), _users, _hasher, _sessions, new SessionOptions(), _unitOfWork, _clock);
}
