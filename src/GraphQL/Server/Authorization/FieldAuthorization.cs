using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Server.Authorization;

/// <summary>
/// One <see cref="AuthorizeAttribute"/>'s check, made once when the schema is built and run before the
/// resolver it guards: authenticated, then in one of the roles, then allowed by the policy (only when there
/// is one, since it is the one step that awaits).
/// </summary>
internal sealed class FieldAuthorization(string[] roles, string? policy, string where)
{
    internal const string NotAuthenticatedMessage = "The current user is not authenticated.";

    internal const string NotAuthorizedMessage = "The current user is not authorized to access this resource.";

    /// <summary><paramref name="inner"/>, called only for a user this check allows; otherwise the field fails with the reason.</summary>
    public FieldResolver Guard(FieldResolver inner) => context =>
    {
        var user = context.User;
        if (!IsAuthenticated(user))
        {
            throw new GraphQLException(NotAuthenticatedMessage, ErrorCodes.AuthNotAuthenticated);
        }

        if (roles.Length > 0 && !IsInAnyRole(user))
        {
            throw new GraphQLException(NotAuthorizedMessage, ErrorCodes.AuthNotAuthorized);
        }

        return policy is null ? inner(context) : AuthorizePolicyThenResolveAsync(context, user, policy, inner);
    };

    // As ASP.NET Core's DenyAnonymousAuthorizationRequirement: any authenticated identity will do.
    private static bool IsAuthenticated([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] ClaimsPrincipal? user)
    {
        if (user is null)
        {
            return false;
        }

        foreach (var identity in user.Identities)
        {
            if (identity.IsAuthenticated)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsInAnyRole(ClaimsPrincipal user)
    {
        foreach (var role in roles)
        {
            if (user.IsInRole(role))
            {
                return true;
            }
        }

        return false;
    }

    private async ValueTask<object?> AuthorizePolicyThenResolveAsync(IResolverContext context, ClaimsPrincipal user, string policyName, FieldResolver inner)
    {
        var authorization = context.RequestServices?.GetService<IAuthorizationService>()
            ?? throw new InvalidOperationException($"[Authorize(Policy = \"{policyName}\")] on {where} needs IAuthorizationService in the request's services: call services.AddAuthorization().");

        // The executor's queue is this method's context: the resolver goes on where it would have run.
        var result = await authorization.AuthorizeAsync(user, context, policyName).ConfigureAwait(true);
        if (!result.Succeeded)
        {
            throw new GraphQLException(NotAuthorizedMessage, ErrorCodes.AuthNotAuthorized);
        }

        return await inner(context).ConfigureAwait(true);
    }
}
