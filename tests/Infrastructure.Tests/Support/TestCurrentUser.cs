using Voting.Application.Abstractions;
using Voting.Domain.Users;

namespace Voting.Infrastructure.Tests.Support;

/// <summary>The caller per async flow, so concurrent tasks can act as different users.</summary>
public sealed class TestCurrentUser : ICurrentUser
{
    private readonly AsyncLocal<(UserId? Id, Role Roles)> _current = new();

    public UserId? Id => _current.Value.Id;

    public Role Roles => _current.Value.Roles;

    public SessionId? SessionId => null;

    public void Set(UserId? id, Role roles) => _current.Value = (id, roles);
}
