using Voting.Domain.Users;

namespace Voting.Application.Abstractions;

/// <summary>Who is making the request; anonymous when <see cref="Id"/> is null.</summary>
public interface ICurrentUser
{
    UserId? Id { get; }

    Role Roles { get; }
}
