using Voting.Domain.Users;

namespace Voting.Application.Abstractions;

/// <summary>Who is making the request; anonymous when <see cref="Id"/> is null.</summary>
public interface ICurrentUser
{
    UserId? Id { get; }

    Role Roles { get; }

    /// <summary>The session the caller's access token belongs to, if it names one.</summary>
    SessionId? SessionId { get; }
}
