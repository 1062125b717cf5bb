using Microsoft.AspNetCore.Identity;
using Voting.Application.Abstractions;
using Voting.Domain.Users;

namespace Voting.Infrastructure.Security;

/// <summary>PBKDF2 hashing from ASP.NET Core Identity (version 3 format, SHA-512, 100,000 iterations).</summary>
internal sealed class PasswordHasher : IPasswordHasher
{
    private readonly PasswordHasher<User> _hasher = new();

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    public PasswordCheck Verify(string passwordHash, string password) =>
        _hasher.VerifyHashedPassword(null!, passwordHash, password) switch
        {
            PasswordVerificationResult.Success => PasswordCheck.Success,
            PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SuccessRehashNeeded,
            _ => PasswordCheck.Failed,
        };
}
