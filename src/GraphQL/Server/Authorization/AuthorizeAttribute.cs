using Voting.GraphQL.Types;

namespace Voting.GraphQL.Server.Authorization;

/// <summary>
/// Lets only an authenticated user resolve a code-first field (HotChocolate's <c>[Authorize]</c>, applied
/// before the resolver): on a property or method, that field; on a class, every field of its object type;
/// on an interface or an interface's member, those fields of the interface and of every class implementing
/// it. With <see cref="Roles"/> the user must be in one of them; with <see cref="Policy"/> the ASP.NET Core
/// policy of that name must allow them. Repeated, every one must allow. The schema shows each as
/// <c>@authorize</c> (on the object type for a class, else on the field), so a change of access shows in its SDL.
/// </summary>
/// <remarks>
/// <para>
/// A refused field resolves to null with an error whose <c>extensions.code</c> is
/// <see cref="Errors.ErrorCodes.AuthNotAuthenticated"/> (no authenticated user) or
/// <see cref="Errors.ErrorCodes.AuthNotAuthorized"/>; the resolver is never called, and the null propagates
/// as any field error's does. On a subscription root field the check also guards the source stream, so an
/// unauthorized subscription is refused before any event. The user is <see cref="IResolverContext.User"/>,
/// which the transports set from <c>HttpContext.User</c>.
/// </para>
/// <para>
/// A policy is evaluated with the request's <c>IAuthorizationService</c> (register it with
/// <c>services.AddAuthorization(o => o.AddPolicy(…))</c>), the <see cref="IResolverContext"/> as its resource, so a
/// handler can read the parent value and the arguments.
/// </para>
/// <para>
/// It runs after the field's other configuration attributes (its <see cref="FieldConfigurationAttribute.Order"/>
/// is <see cref="DefaultOrder"/>), so it wraps what they made, paging and topic subscriptions included: the
/// check comes first. <see cref="AllowAnonymousAttribute"/> exempts a field from its type's authorization.
/// </para>
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = true, Inherited = true)]
public sealed class AuthorizeAttribute : FieldConfigurationAttribute
{
    /// <summary>Late among a member's attributes: the check wraps everything the others configured.</summary>
    public const int DefaultOrder = 1_000_000;

    /// <summary>Any authenticated user.</summary>
    public AuthorizeAttribute() => Order = DefaultOrder;

    /// <summary>A user the named policy allows.</summary>
    public AuthorizeAttribute(string policy)
        : this() => Policy = policy;

    /// <summary>The name of an ASP.NET Core authorization policy that must allow the user; null checks none.</summary>
    public string? Policy { get; init; }

    /// <summary>
    /// Roles of which the user must be in at least one (<see cref="System.Security.Claims.ClaimsPrincipal.IsInRole"/>);
    /// an entry may also list several separated by commas, as ASP.NET Core's <c>Roles = "Admin,Clerk"</c>.
    /// </summary>
#pragma warning disable CA1819 // An attribute argument is an array or nothing.
    public string[]? Roles { get; init; }
#pragma warning restore CA1819

    /// <summary>Resolvers run on the object type's fields: an interface's authorization must reach them.</summary>
    public override bool AppliesToImplementations => true;

    /// <inheritdoc />
    public override void ConfigureType(TypeConfiguration type)
    {
        ArgumentNullException.ThrowIfNull(type);

        // @authorize has no INTERFACE location (as HotChocolate's): an interface shows it on each of its fields.
        if (!type.IsInterface)
        {
            type.Schema.AddDirective(AuthorizationDirectives.Authorize);
            type.AppliedDirectives.Add(AuthorizationDirectives.ApplyAuthorize(Policy, RoleList($"type {type.Name}")));
        }
    }

    /// <inheritdoc />
    public override void Configure(FieldConfiguration field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var where = $"{field.DeclaringType.Name}.{field.Member.Name}";
        if (AuthorizationDirectives.IsAppliedTo(field, AuthorizationDirectives.AllowAnonymousName))
        {
            // [AllowAnonymous] opts a field out of its type's authorization, never out of its own or its interface member's.
            if (field.AttributeTarget is not Type)
            {
                throw new SchemaValidationException($"[Authorize] on {where} contradicts its [AllowAnonymous]: a field is either authorized or open.");
            }

            return;
        }

        if (Policy is { Length: 0 })
        {
            throw new SchemaValidationException($"[Authorize] on {where}: Policy names a policy or is left out.");
        }

        var roles = RoleList(where);
        field.Schema.AddDirective(AuthorizationDirectives.Authorize);
        if (field.AttributeTarget is not Type { IsInterface: false })
        {
            // A class's own authorization is shown once, on its object type (see ConfigureType).
            field.AppliedDirectives.Add(AuthorizationDirectives.ApplyAuthorize(Policy, roles));
        }

        var check = new FieldAuthorization([.. roles], Policy, where);
        var resolvesToParent = field.ResolvesToParent;
        field.Resolver = check.Guard(field.Resolver);

        // Without a policy the check reads only the user, the same for every event of a subscription as when it
        // subscribed (the subscriber is guarded alike); a policy may read the event, so it is run for each.
        field.ResolvesToParent = resolvesToParent && Policy is null;
        if (field.Subscriber is { } subscriber)
        {
            field.Subscriber = check.Guard(subscriber);
        }
    }

    private List<string> RoleList(string where)
    {
        var roles = new List<string>();
        foreach (var entry in Roles ?? [])
        {
            foreach (var role in (entry ?? string.Empty).Split(',', StringSplitOptions.TrimEntries))
            {
                if (role.Length == 0)
                {
                    throw new SchemaValidationException($"[Authorize] on {where}: a role is empty (Roles: [{string.Join(", ", Roles!.Select(r => $"\"{r}\""))}]).");
                }

                if (!roles.Contains(role))
                {
                    roles.Add(role);
                }
            }
        }

        return roles;
    }
}
