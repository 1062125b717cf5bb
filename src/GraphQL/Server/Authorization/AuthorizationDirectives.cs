using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Server.Authorization;

/// <summary>
/// The directives that show authorization in the schema, in HotChocolate's shape: <c>@authorize</c> on an
/// object type (every field) or a field, <c>@allowAnonymous</c> on a field that opts out of its type's.
/// <see cref="AuthorizeAttribute"/> and <see cref="AllowAnonymousAttribute"/> define and apply them; the
/// checks themselves run in the resolvers those attributes wrap, not from the directives.
/// </summary>
public static class AuthorizationDirectives
{
    public const string AuthorizeName = "authorize";

    public const string AllowAnonymousName = "allowAnonymous";

    /// <summary><c>directive @authorize(policy: String, roles: [String!]) repeatable on OBJECT | FIELD_DEFINITION</c>.</summary>
    public static DirectiveDefinition Authorize { get; } = new(AuthorizeName, [DirectiveLocation.OBJECT, DirectiveLocation.FIELD_DEFINITION])
    {
        Description = "Only an authenticated user may access the annotated type's fields or the annotated field; with roles, one in any of them; with a policy, one the policy allows. Repeated, all must allow.",
        IsRepeatable = true,
        Arguments =
        [
            new ArgumentDefinition("policy", Scalars.String) { Description = "The name of the authorization policy that must allow the user." },
            new ArgumentDefinition("roles", new ListType(new NonNullType(Scalars.String))) { Description = "Roles of which the user must be in at least one." },
        ],
    };

    /// <summary><c>directive @allowAnonymous repeatable on FIELD_DEFINITION</c>.</summary>
    public static DirectiveDefinition AllowAnonymous { get; } = new(AllowAnonymousName, [DirectiveLocation.FIELD_DEFINITION])
    {
        Description = "Anyone may access the annotated field, even though its type is authorized.",
        IsRepeatable = true,
    };

    internal static bool IsAppliedTo(FieldConfiguration field, string name)
    {
        foreach (var directive in field.AppliedDirectives)
        {
            if (directive.Name.Value == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>@authorize(policy: …, roles: […])</c>, the arguments that are set.</summary>
    internal static DirectiveNode ApplyAuthorize(string? policy, IReadOnlyList<string> roles)
    {
        var arguments = new List<ArgumentNode>();
        if (policy is not null)
        {
            arguments.Add(Argument("policy", new StringValueNode { Value = policy }));
        }

        if (roles.Count > 0)
        {
            arguments.Add(Argument("roles", new ListValueNode { Values = [.. roles.Select(r => (ValueNode)new StringValueNode { Value = r })] }));
        }

        return new DirectiveNode { Name = new NameNode { Value = AuthorizeName }, Arguments = arguments };
    }

    internal static DirectiveNode ApplyAllowAnonymous() => new() { Name = new NameNode { Value = AllowAnonymousName } };

    private static ArgumentNode Argument(string name, ValueNode value) => new() { Name = new NameNode { Value = name }, Value = value };
}
