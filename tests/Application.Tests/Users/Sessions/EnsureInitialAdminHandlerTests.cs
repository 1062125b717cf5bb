using NSubstitute;
using Voting.Application.Abstractions;
using Voting.Application.Tests.TestSupport;
using Voting.Application.Users.EnsureInitialAdmin;
using Voting.Domain.Common;
using Voting.Domain.Users;
using Xunit;

namespace Voting.Application.Tests.Users.Sessions;

public sealed class EnsureInitialAdminHandlerTests
{
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly IPasswordHasher _hasher = Substitute.For<IPasswordHasher>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly FakeClock _clock = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private EnsureInitialAdminHandler Handler() => new(_users, _hasher, _unitOfWork, _clock);

    [Fact]
    public async Task An_absent_citizen_is_registered_as_admin_with_the_configured_phone_and_password()
    {
        _hasher.Hash("initial-password").Returns("hashed");
        User? added = null;
        _users.Add(Arg.Do<User>(u => added = u));

        var outcome = await Handler().HandleAsync(new EnsureInitialAdminCommand(CitizenIds.Valid(5), TestUsers.Phone, "initial-password"), Ct);

        Assert.Equal(InitialAdminOutcome.Registered, outcome);
        Assert.NotNull(added);
        Assert.True(added.HasRole(Role.Admin));
        Assert.Equal("hashed", added.PasswordHash);
        await _unitOfWork.Received(1).SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task A_registered_citizen_is_promoted_and_a_second_run_changes_nothing()
    {
        var user = TestUsers.Voter(_clock, seed: 5);
        _users.FindByCitizenIdAsync(user.CitizenId, Arg.Any<CancellationToken>()).Returns(user);

        Assert.Equal(InitialAdminOutcome.Promoted, await Handler().HandleAsync(new EnsureInitialAdminCommand(CitizenIds.Valid(5), null, null), Ct));
        Assert.Equal(InitialAdminOutcome.AlreadyAdmin, await Handler().HandleAsync(new EnsureInitialAdminCommand(CitizenIds.Valid(5), null, null), Ct));

        Assert.True(user.HasRole(Role.Admin));
        await _unitOfWork.Received(1).SaveChangesAsync(Ct);
    }

    [Theory]
    [InlineData("123", "+66812345678", "long enough")]
    [InlineData(null, "0812345678", "long enough")]
    [InlineData(null, "+66812345678", "short")]
    [InlineData(null, "+66812345678", null)]
    public async Task A_bad_configuration_is_refused_with_what_to_fix(string? citizenId, string phone, string? password)
    {
        var refusal = await Refusals.RefusedAsync(
            ErrorCodes.Validation,
            () => Handler().HandleAsync(new EnsureInitialAdminCommand(citizenId ?? CitizenIds.Valid(6), phone, password), Ct));

        Assert.Contains(citizenId is null ? "phone" : "citizen ID", refusal.Message, StringComparison.Ordinal);
        Assert.Empty(_unitOfWork.ReceivedCalls());
    }
}
