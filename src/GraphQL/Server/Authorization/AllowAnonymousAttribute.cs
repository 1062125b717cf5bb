using Voting.GraphQL.Types;

namespace Voting.GraphQL.Server.Authorization;

/// <summary>
/// Exempts a field from the <see cref="AuthorizeAttribute"/> on its class (or on an interface of it), as
/// HotChocolate's and ASP.NET Core's <c>[AllowAnonymous]</c> do: e.g. <c>login</c> on an otherwise authorized
/// type. The schema shows it as <c>@allowAnonymous</c>. It cannot open a field that is itself authorized, or
/// whose interface member is: the schema is refused.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class AllowAnonymousAttribute : FieldConfigurationAttribute
{
    /// <inheritdoc />
    public override void Configure(FieldConfiguration field)
    {
        ArgumentNullException.ThrowIfNull(field);

        // Only the member's own attributes have run yet (a type's run after): an @authorize here is the member's.
        if (AuthorizationDirectives.IsAppliedTo(field, AuthorizationDirectives.AuthorizeName))
        {
            throw new SchemaValidationException($"[AllowAnonymous] on {field.DeclaringType.Name}.{field.Member.Name} contradicts its [Authorize]: a field is either authorized or open.");
        }

        field.Schema.AddDirective(AuthorizationDirectives.AllowAnonymous);
        field.AppliedDirectives.Add(AuthorizationDirectives.ApplyAllowAnonymous());
    }
}
