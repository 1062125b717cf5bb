using Voting.Domain.Common;
using Voting.Domain.Tests.Support;
using Voting.Domain.Users;

namespace Voting.Domain.Tests.Users;

public sealed class UserTests
{
    private static readonly DateTimeOffset Now = new(2030, 5, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeClock _clock = new(Now);

    public static TheoryData<Role> SingleRoles => new(Role.Admin, Role.ElectionOfficer, Role.Voter, Role.Observer);

    public static TheoryData<Role> UnknownRoles => new(
        Role.None,
        Role.Admin | Role.Observer,
        Role.Voter | Role.ElectionOfficer,
        (Role)16,
        (Role)(-1),
        Role.Voter | (Role)32);

    [Fact]
    public void Registering_makes_a_voter_and_nothing_more()
    {
        var citizenId = CitizenIds.From12("110170012345");

        var user = User.Register(citizenId, Voters.Phone, Voters.PasswordHash, _clock);

        Assert.Equal(Role.Voter, user.Roles);
        Assert.Equal(citizenId, user.CitizenId);
        Assert.Equal(Voters.Phone, user.Phone);
        Assert.Equal(Voters.PasswordHash, user.PasswordHash);
        Assert.Equal(Now, user.RegisteredAt);
        Assert.NotEqual(Guid.Empty, user.Id.Value);
        Assert.Empty(user.DomainEvents);
    }

    [Fact]
    public void A_restored_user_is_the_user_as_stored_with_no_event()
    {
        var registered = User.Register(CitizenIds.From12("110170012345"), Voters.Phone, Voters.PasswordHash, _clock);
        registered.AssignRole(Role.Observer);

        var restored = User.Restore(registered.Id, registered.CitizenId, registered.Phone, registered.PasswordHash, registered.Roles, registered.RegisteredAt);

        Assert.Equal(
            (registered.Id, registered.CitizenId, registered.Phone, registered.PasswordHash, registered.Roles, registered.RegisteredAt),
            (restored.Id, restored.CitizenId, restored.Phone, restored.PasswordHash, restored.Roles, restored.RegisteredAt));
        Assert.True(restored.HasRole(Role.Voter | Role.Observer));
        Assert.Empty(restored.DomainEvents);
    }

    [Fact]
    public void Each_registration_gets_its_own_id()
    {
        var first = Voters.Registered(_clock);
        var second = Voters.Registered(_clock);

        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public void Registering_without_a_citizen_id_is_refused()
    {
        Refused.With(ErrorCodes.Validation, () => User.Register(default, Voters.Phone, Voters.PasswordHash, _clock));
    }

    [Fact]
    public void Registering_without_a_phone_is_refused()
    {
        Refused.With(ErrorCodes.Validation, () => User.Register(CitizenIds.Unique(), default, Voters.PasswordHash, _clock));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Registering_without_a_password_hash_is_refused(string? hash)
    {
        Refused.With(ErrorCodes.Validation, () => User.Register(CitizenIds.Unique(), Voters.Phone, hash!, _clock));
    }

    [Fact]
    public void A_password_hash_of_the_maximum_length_is_accepted_and_one_longer_is_refused()
    {
        var longest = new string('h', User.MaxPasswordHashLength);

        Assert.Equal(longest, User.Register(CitizenIds.Unique(), Voters.Phone, longest, _clock).PasswordHash);
        Refused.With(ErrorCodes.Validation, () => User.Register(CitizenIds.Unique(), Voters.Phone, longest + "h", _clock));
    }

    [Theory]
    [MemberData(nameof(SingleRoles))]
    public void Assigning_a_role_adds_it_to_the_roles_held(Role role)
    {
        var user = Voters.Registered(_clock);

        user.AssignRole(role);

        Assert.Equal(Role.Voter | role, user.Roles);
        Assert.True(user.HasRole(role));
        Assert.True(user.HasRole(Role.Voter));
    }

    [Fact]
    public void Assigning_a_role_twice_changes_nothing()
    {
        var user = Voters.Registered(_clock);
        user.AssignRole(Role.Admin);

        user.AssignRole(Role.Admin);

        Assert.Equal(Role.Voter | Role.Admin, user.Roles);
    }

    [Theory]
    [MemberData(nameof(SingleRoles))]
    public void Revoking_a_role_removes_only_that_role(Role role)
    {
        var user = Voters.Registered(_clock);
        user.AssignRole(Role.Admin);
        user.AssignRole(Role.ElectionOfficer);
        user.AssignRole(Role.Observer);

        user.RevokeRole(role);

        Assert.Equal((Role.Admin | Role.ElectionOfficer | Role.Voter | Role.Observer) & ~role, user.Roles);
        Assert.False(user.HasRole(role));
    }

    [Fact]
    public void Revoking_a_role_not_held_changes_nothing()
    {
        var user = Voters.Registered(_clock);

        user.RevokeRole(Role.Admin);

        Assert.Equal(Role.Voter, user.Roles);
    }

    [Fact]
    public void Revoking_the_voter_role_leaves_a_user_with_no_roles()
    {
        var user = Voters.Registered(_clock);

        user.RevokeRole(Role.Voter);

        Assert.Equal(Role.None, user.Roles);
        Assert.False(user.HasRole(Role.Voter));
    }

    [Theory]
    [MemberData(nameof(UnknownRoles))]
    public void Assigning_anything_but_one_known_role_is_refused(Role role)
    {
        var user = Voters.Registered(_clock);

        Refused.WithoutChange(ErrorCodes.Validation, user, () => user.AssignRole(role));
    }

    [Theory]
    [MemberData(nameof(UnknownRoles))]
    public void Revoking_anything_but_one_known_role_is_refused(Role role)
    {
        var user = Voters.Registered(_clock);
        user.AssignRole(Role.Admin);
        user.AssignRole(Role.Observer);
        user.AssignRole(Role.ElectionOfficer);

        Refused.WithoutChange(ErrorCodes.Validation, user, () => user.RevokeRole(role));
    }

    [Theory]
    [InlineData(Role.Voter, Role.Voter, true)]
    [InlineData(Role.Voter, Role.Admin, false)]
    [InlineData(Role.Voter | Role.Admin, Role.Admin, true)]
    [InlineData(Role.Voter | Role.Admin, Role.Voter | Role.Admin, true)]
    [InlineData(Role.Voter, Role.Voter | Role.Admin, false)]
    [InlineData(Role.Voter, Role.None, false)]
    [InlineData(Role.None, Role.None, false)]
    [InlineData(Role.None, Role.Voter, false)]
    public void HasRole_needs_every_role_asked_for(Role held, Role asked, bool expected)
    {
        var user = Voters.Holding(held, _clock);

        Assert.Equal(expected, user.HasRole(asked));
    }

    [Theory]
    [InlineData(Role.Voter, Role.Voter, true)]
    [InlineData(Role.Voter, Role.Admin, false)]
    [InlineData(Role.Voter, Role.Voter | Role.Admin, true)]
    [InlineData(Role.Observer, Role.Admin | Role.ElectionOfficer, false)]
    [InlineData(Role.Observer | Role.ElectionOfficer, Role.Admin | Role.ElectionOfficer, true)]
    [InlineData(Role.Voter, Role.None, false)]
    [InlineData(Role.None, Role.Admin | Role.ElectionOfficer | Role.Voter | Role.Observer, false)]
    public void HasAnyRole_needs_one_of_the_roles_asked_for(Role held, Role asked, bool expected)
    {
        var user = Voters.Holding(held, _clock);

        Assert.Equal(expected, user.HasAnyRole(asked));
    }

    [Fact]
    public void Changing_the_password_hash_replaces_it()
    {
        var user = Voters.Registered(_clock);

        user.ChangePasswordHash("new-hash");

        Assert.Equal("new-hash", user.PasswordHash);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Changing_to_a_missing_password_hash_is_refused(string? hash)
    {
        var user = Voters.Registered(_clock);

        Refused.WithoutChange(ErrorCodes.Validation, user, () => user.ChangePasswordHash(hash!));
    }

    [Fact]
    public void Changing_to_an_overlong_password_hash_is_refused()
    {
        var user = Voters.Registered(_clock);

        Refused.WithoutChange(ErrorCodes.Validation, user, () => user.ChangePasswordHash(new string('h', User.MaxPasswordHashLength + 1)));
    }

    [Fact]
    public void Changing_the_phone_replaces_it()
    {
        var user = Voters.Registered(_clock);
        var phone = PhoneNumber.Parse("+14155552671");

        user.ChangePhone(phone);

        Assert.Equal(phone, user.Phone);
    }

    [Fact]
    public void Changing_to_no_phone_is_refused()
    {
        var user = Voters.Registered(_clock);

        Refused.WithoutChange(ErrorCodes.Validation, user, () => user.ChangePhone(default));
    }
}
