using Voting.Domain.Common;

namespace Voting.Domain.Users;

/// <summary>A registered person. Registering makes a voter; other roles are assigned by an admin.</summary>
public sealed class User : AggregateRoot
{
    public const int MaxPasswordHashLength = 512;

    private User()
    {
    }

    public UserId Id { get; private set; }

    public CitizenId CitizenId { get; private set; }

    public PhoneNumber Phone { get; private set; }

    public string PasswordHash { get; private set; } = string.Empty;

    public Role Roles { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public static User Register(CitizenId citizenId, PhoneNumber phone, string passwordHash, IClock clock)
    {
        if (string.IsNullOrEmpty(citizenId.Value) || string.IsNullOrEmpty(phone.Value))
        {
            throw DomainException.Validation("Citizen ID and phone are required.");
        }

        return new User
        {
            Id = UserId.New(),
            CitizenId = citizenId,
            Phone = phone,
            PasswordHash = CheckedHash(passwordHash),
            Roles = Role.Voter,
            RegisteredAt = clock.UtcNow,
        };
    }

    /// <summary>
    /// A user as a store read it back, for a store that reads users without its object mapper (the
    /// vote writer reads its batch's voters in the statement batch that locks the election, ADR 0025).
    /// Not a way to register: <see cref="Register"/> is.
    /// </summary>
    public static User Restore(UserId id, CitizenId citizenId, PhoneNumber phone, string passwordHash, Role roles, DateTimeOffset registeredAt) =>
        new()
        {
            Id = id,
            CitizenId = citizenId,
            Phone = phone,
            PasswordHash = passwordHash,
            Roles = roles,
            RegisteredAt = registeredAt,
        };

    public bool HasRole(Role role) => role != Role.None && (Roles & role) == role;

    public bool HasAnyRole(Role roles) => (Roles & roles) != Role.None;

    public void AssignRole(Role role)
    {
        EnsureSingleRole(role);
        Roles |= role;
    }

    public void RevokeRole(Role role)
    {
        EnsureSingleRole(role);
        Roles &= ~role;
    }

    public void ChangePasswordHash(string passwordHash) => PasswordHash = CheckedHash(passwordHash);

    public void ChangePhone(PhoneNumber phone) =>
        Phone = string.IsNullOrEmpty(phone.Value) ? throw DomainException.Validation("Phone is required.") : phone;

    private static void EnsureSingleRole(Role role)
    {
        if (role is not (Role.Admin or Role.ElectionOfficer or Role.Voter or Role.Observer))
        {
            throw DomainException.Validation($"Unknown role '{role}'.");
        }
    }

    private static string CheckedHash(string passwordHash) =>
        string.IsNullOrEmpty(passwordHash) || passwordHash.Length > MaxPasswordHashLength
            ? throw DomainException.Validation("A password hash is required.")
            : passwordHash;
}
