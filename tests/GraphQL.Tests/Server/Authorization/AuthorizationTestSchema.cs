using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Voting.GraphQL.Server.Authorization;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Server.Authorization;

/// <summary>The query root of the authorization tests; each test passes its own instance as the root value, to count calls.</summary>
public sealed class AuthQuery
{
    private int _calls;

    /// <summary>How many times a guarded resolver of this root ran.</summary>
    [GraphQLIgnore]
    public int Calls() => _calls;

    public string Open => "open";

    [Authorize]
    public string? SignedIn => Count("signed in");

    [Authorize(Roles = ["Admin"])]
    public string? Admin => Count("admin");

    /// <summary>One entry listing two roles, as ASP.NET Core's <c>Roles = "Clerk,Admin"</c>.</summary>
    [Authorize(Roles = ["Clerk, Admin"])]
    public string? Staff => Count("staff");

    [Authorize(Policy = "Adult")]
    public string? Adult => Count("adult");

    [Authorize(Roles = ["Admin"])]
    [Authorize(Policy = "Adult")]
    public string? AdultAdmin => Count("adult admin");

    /// <summary>The policy reads the resolver context: only the field's own argument <c>owner</c> equal to the user's name passes.</summary>
    [Authorize(Policy = "Owner")]
    public string? Diary(string owner) => Count($"diary of {owner}");

    public string WhoAmI(IResolverContext context) => context.User?.Identity?.Name ?? "anonymous";

    public AuthAccount Account => new("ada");

    public AuthBox? Box => new();

    public AuthMemo Memo => new();

    private string Count(string value)
    {
        Interlocked.Increment(ref _calls);
        return value;
    }
}

/// <summary>Every field needs a signed-in user, but <c>login</c>; <c>secret</c> also needs Admin.</summary>
[Authorize]
public sealed class AuthAccount(string name)
{
    public string Name => name;

    [AllowAnonymous]
    public string Login => "login form";

    [Authorize(Roles = ["Admin"])]
    public string? Secret => "secret";
}

/// <summary>A non-null authorized field: refused, its null propagates to the nullable box.</summary>
public sealed class AuthBox
{
    [Authorize]
    public string Required => "required";

    public string Free => "free";
}

/// <summary>An interface member authorized for Admin: the implementing class's field is too.</summary>
public interface IAuthDocument
{
    string Title { get; }

    [Authorize(Roles = ["Admin"])]
    string? Body { get; }
}

/// <summary>An interface authorized for Clerk as a whole: the implementing class's fields from it are too.</summary>
[Authorize(Roles = ["Clerk"])]
public interface IAuthFiled
{
    string? Code { get; }
}

public sealed class AuthMemo : IAuthDocument, IAuthFiled
{
    public string Title => "memo";

    public string? Body => "body";

    public string? Code => "M-1";

    public string Extra => "extra";
}

public sealed class AuthMutation
{
    private int _closed;

    [GraphQLIgnore]
    public int Closed() => _closed;

    [Authorize(Roles = ["Admin"])]
    public int Close(int id)
    {
        Interlocked.Increment(ref _closed);
        return id;
    }

    public int Ping => 1;
}

public sealed class AuthSubscription
{
    private int _subscribed;

    /// <summary>How many times the guarded source stream was created.</summary>
    [GraphQLIgnore]
    public int Subscribed() => _subscribed;

    [Authorize(Roles = ["Admin"])]
    public async IAsyncEnumerable<AuthEvent> Alerts(int count)
    {
        Interlocked.Increment(ref _subscribed);
        for (var i = 1; i <= count; i++)
        {
            await Task.Yield();
            yield return new AuthEvent(i);
        }
    }
}

/// <summary>An event; <c>who</c> is the user its execution runs as.</summary>
public sealed class AuthEvent(int n)
{
    public int N => n;

    public string Who(IResolverContext context) => context.User?.Identity?.Name ?? "anonymous";
}

internal static class AuthorizationTestSchema
{
    public static Schema Create() => SchemaBuilder.New()
        .AddQueryType<AuthQuery>()
        .AddMutationType<AuthMutation>()
        .AddSubscriptionType<AuthSubscription>()
        .AddType<IAuthDocument>()
        .Create();

    /// <summary>The policies the tests use: Adult (an <c>adult</c> claim) and Owner (the <c>owner</c> argument is the user's name).</summary>
    public static IServiceProvider Services() => new ServiceCollection()
        .AddLogging()
        .AddAuthorization(o =>
        {
            o.AddPolicy("Adult", p => p.RequireClaim("adult", "true"));
            o.AddPolicy("Owner", p => p.RequireAssertion(c =>
                c.Resource is IResolverContext field && field.TryGetArgument("owner", out var owner) && Equals(owner, c.User.Identity?.Name)));
        })
        .BuildServiceProvider();
}

/// <summary>Principals as authentication would make them.</summary>
internal static class TestUsers
{
    /// <summary>What <c>HttpContext.User</c> is when nobody signed in: an identity that is not authenticated.</summary>
    public static ClaimsPrincipal Anonymous { get; } = new(new ClaimsIdentity());

    public static ClaimsPrincipal SignedIn(string name, string[]? roles = null, bool adult = false)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name) };
        claims.AddRange((roles ?? []).Select(r => new Claim(ClaimTypes.Role, r)));
        if (adult)
        {
            claims.Add(new Claim("adult", "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "Test"));
    }
}
