using Voting.Application.Users.GetMe;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Accounts;

[GraphQLDescription("The signed-in user.")]
public sealed class Me(MeView view)
{
    [ID]
    public Guid Id => view.Id.Value;

    public string CitizenId => view.CitizenId.Value;

    public string Phone => view.Phone.Value;

    public IReadOnlyList<UserRole> Roles => UserRoles.From(view.Roles);

    public DateTimeOffset RegisteredAt => view.RegisteredAt;

    [GraphQLDescription("Sessions that have not ended or expired, newest first.")]
    public IReadOnlyList<AccountSession> Sessions => [.. view.Sessions.Select(s => new AccountSession(s))];
}

[GraphQLName("Session")]
[GraphQLDescription("One signed-in session (a device or browser).")]
public sealed class AccountSession(SessionView view)
{
    [ID]
    public Guid Id => view.Id.Value;

    public DateTimeOffset StartedAt => view.StartedAt;

    public DateTimeOffset LastRefreshedAt => view.LastRefreshedAt;

    public DateTimeOffset ExpiresAt => view.ExpiresAt;

    public string UserAgent => view.UserAgent;

    public string Address => view.Address;

    [GraphQLDescription("Whether this is the session of the token making the request.")]
    public bool Current => view.Current;
}
