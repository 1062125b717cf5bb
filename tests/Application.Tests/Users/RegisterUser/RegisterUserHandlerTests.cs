using NSubstitute;
using Voting.Application.Abstractions;
using Voting.Application.Tests.TestSupport;
using Voting.Application.Users.RegisterUser;
using Voting.Domain.Common;
using Voting.Domain.Users;
using Xunit;

namespace Voting.Application.Tests.Users.RegisterUser;

public sealed class RegisterUserHandlerTests
{
    private const string Password = "correct horse battery";

    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly IPasswordHasher _hasher = Substitute.For<IPasswordHasher>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly FakeClock _clock = new();

    public RegisterUserHandlerTests()
    {
        _hasher.Hash(Password).Returns("hashed:" + Password);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Registering_adds_a_voter_with_the_hashed_password_and_saves_once()
    {
        var citizenId = CitizenIds.Valid(42);
        User? added = null;
        _users.Add(Arg.Do<User>(u => added = u));

        var id = await Handler().HandleAsync(new RegisterUserCommand(citizenId, TestUsers.Phone, Password), Ct);

        Assert.NotNull(added);
        Assert.Equal(id, added.Id);
        Assert.Equal(citizenId, added.CitizenId.Value);
        Assert.Equal(TestUsers.Phone, added.Phone.Value);
        Assert.Equal("hashed:" + Password, added.PasswordHash);
        Assert.Equal(Role.Voter, added.Roles);
        Assert.Equal(_clock.UtcNow, added.RegisteredAt);
        _users.Received(1).Add(Arg.Any<User>());
        await _unitOfWork.Received(1).SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task A_citizen_ID_typed_with_separators_is_stored_as_thirteen_digits()
    {
        var digits = CitizenIds.Valid(7);
        var typed = $"{digits[0]}-{digits[1..5]}-{digits[5..10]} {digits[10..12]}-{digits[12]}";
        User? added = null;
        _users.Add(Arg.Do<User>(u => added = u));

        await Handler().HandleAsync(new RegisterUserCommand(typed, TestUsers.Phone, Password), Ct);

        Assert.Equal(digits, added?.CitizenId.Value);
        await _users.Received(1).CitizenIdTakenAsync(CitizenId.Parse(digits), Ct);
    }

    [Fact]
    public async Task A_taken_citizen_ID_is_refused_as_a_duplicate_and_nothing_is_written()
    {
        _users.CitizenIdTakenAsync(Arg.Any<CitizenId>(), Arg.Any<CancellationToken>()).Returns(true);

        await Refusals.RefusedAsync(
            ErrorCodes.DuplicateCitizenId,
            () => Handler().HandleAsync(new RegisterUserCommand(CitizenIds.Valid(42), TestUsers.Phone, Password), Ct));

        _users.DidNotReceive().Add(Arg.Any<User>());
        Assert.Empty(_unitOfWork.ReceivedCalls());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("123456789012")]
    [InlineData("12345678901234")]
    [InlineData("12345678901ab")]
    [InlineData("+123456789012")]
    public async Task A_malformed_citizen_ID_is_refused_and_nothing_is_written(string citizenId) =>
        await AssertInvalidAsync(new RegisterUserCommand(citizenId, TestUsers.Phone, Password), "CitizenId");

    [Fact]
    public async Task A_citizen_ID_with_a_wrong_check_digit_is_refused() =>
        await AssertInvalidAsync(new RegisterUserCommand(CitizenIds.WithWrongCheckDigit(42), TestUsers.Phone, Password), "CitizenId");

    [Fact]
    public async Task A_missing_citizen_ID_is_refused() =>
        await AssertInvalidAsync(new RegisterUserCommand(null!, TestUsers.Phone, Password), "CitizenId");

    [Theory]
    [InlineData("")]
    [InlineData("0812345678")]
    [InlineData("66812345678")]
    [InlineData("+0812345678")]
    [InlineData("+66 81 234 5678")]
    [InlineData("+66-812345678")]
    [InlineData("+1234567890123456")]
    [InlineData("+")]
    [InlineData("+6681234567x")]
    public async Task A_phone_not_in_E164_is_refused_and_nothing_is_written(string phone) =>
        await AssertInvalidAsync(new RegisterUserCommand(CitizenIds.Valid(42), phone, Password), "Phone");

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(RegisterUserValidator.MinPasswordLength - 1)]
    [InlineData(RegisterUserValidator.MaxPasswordLength + 1)]
    [InlineData(10_000)]
    public async Task A_password_of_the_wrong_length_is_refused_and_never_hashed(int length)
    {
        await AssertInvalidAsync(new RegisterUserCommand(CitizenIds.Valid(42), TestUsers.Phone, new string('p', length)), "Password");

        _hasher.DidNotReceiveWithAnyArgs().Hash(default!);
    }

    [Fact]
    public async Task An_empty_password_gets_one_message()
    {
        var refusal = await AssertInvalidAsync(new RegisterUserCommand(CitizenIds.Valid(42), TestUsers.Phone, string.Empty), "Password");

        Assert.Single(refusal.Errors["Password"]);
    }

    [Theory]
    [InlineData(RegisterUserValidator.MinPasswordLength)]
    [InlineData(RegisterUserValidator.MaxPasswordLength)]
    public async Task Passwords_at_the_length_limits_are_accepted(int length)
    {
        var password = new string('p', length);
        _hasher.Hash(password).Returns("hashed");

        await Handler().HandleAsync(new RegisterUserCommand(CitizenIds.Valid(42), TestUsers.Phone, password), Ct);

        _users.Received(1).Add(Arg.Is<User>(u => u.PasswordHash == "hashed"));
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once()
    {
        var refusal = await AssertInvalidAsync(new RegisterUserCommand("nope", "nope", "short"), "CitizenId", "Phone", "Password");

        Assert.Equal(3, refusal.Errors.Count);
    }

    private async Task<Common.ValidationFailedException> AssertInvalidAsync(RegisterUserCommand command, params string[] fields)
    {
        var refusal = await Refusals.InvalidAsync(() => Handler().HandleAsync(command, Ct), fields);

        await _users.DidNotReceiveWithAnyArgs().CitizenIdTakenAsync(default, Ct);
        _users.DidNotReceive().Add(Arg.Any<User>());
        Assert.Empty(_unitOfWork.ReceivedCalls());
        return refusal;
    }

    private RegisterUserHandler Handler() => new(new RegisterUserValidator(), _users, _hasher, _unitOfWork, _clock);
}
