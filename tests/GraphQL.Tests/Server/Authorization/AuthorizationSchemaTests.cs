using Voting.GraphQL.Server.Authorization;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Server.Authorization;

/// <summary>How authorization shows in the schema, and the configurations the schema refuses.</summary>
public sealed class AuthorizationSchemaTests
{
    private static readonly string Sdl = SchemaPrinter.Print(AuthorizationTestSchema.Create());

    [Fact]
    public void The_directives_are_defined_as_HotChocolate_defines_them()
    {
        var schema = SchemaBuilder.New().AddQueryType<DirectivesQuery>().Create();

        Assert.Equal(
            """"
            """
            Only an authenticated user may access the annotated type's fields or the annotated field; with roles, one in any of them; with a policy, one the policy allows. Repeated, all must allow.
            """
            directive @authorize(
              """The name of the authorization policy that must allow the user."""
              policy: String

              """Roles of which the user must be in at least one."""
              roles: [String!]
            ) repeatable on OBJECT | FIELD_DEFINITION

            """
            Anyone may access the annotated field, even though its type is authorized.
            """
            directive @allowAnonymous repeatable on FIELD_DEFINITION

            type Query @authorize {
              a: Int! @allowAnonymous
            }
            """".ReplaceLineEndings("\n"),
            SchemaPrinter.Print(schema));
    }

    [Fact]
    public void Field_level_authorization_prints_on_the_field()
    {
        Assert.Contains("  signedIn: String @authorize\n", Sdl, StringComparison.Ordinal);
        Assert.Contains("  admin: String @authorize(roles: [\"Admin\"])\n", Sdl, StringComparison.Ordinal);
        Assert.Contains("  staff: String @authorize(roles: [\"Clerk\", \"Admin\"])\n", Sdl, StringComparison.Ordinal);
        Assert.Contains("  adult: String @authorize(policy: \"Adult\")\n", Sdl, StringComparison.Ordinal);
        Assert.Contains("  diary(owner: String!): String @authorize(policy: \"Owner\")\n", Sdl, StringComparison.Ordinal);
        Assert.Contains("  open: String!\n", Sdl, StringComparison.Ordinal);
    }

    [Fact]
    public void Type_level_authorization_prints_once_on_the_object_type_and_AllowAnonymous_on_its_field()
    {
        Assert.Equal(
            """
            type AuthAccount @authorize {
              name: String!
              login: String! @allowAnonymous
              secret: String @authorize(roles: ["Admin"])
            }
            """.ReplaceLineEndings("\n"),
            TypeBlock("type AuthAccount "));
    }

    [Fact]
    public void An_interface_s_authorization_prints_on_its_fields_and_on_the_implementing_fields()
    {
        Assert.Equal(
            """
            type AuthMemo implements AuthDocument {
              title: String!
              body: String @authorize(roles: ["Admin"])
              code: String @authorize(roles: ["Clerk"])
              extra: String!
            }
            """.ReplaceLineEndings("\n"),
            TypeBlock("type AuthMemo "));
        Assert.Equal(
            """
            interface AuthDocument {
              title: String!
              body: String @authorize(roles: ["Admin"])
            }
            """.ReplaceLineEndings("\n"),
            TypeBlock("interface AuthDocument "));
    }

    [Fact]
    public void The_subscription_and_mutation_fields_print_theirs()
    {
        Assert.Contains("  alerts(count: Int!): AuthEvent! @authorize(roles: [\"Admin\"])\n", Sdl, StringComparison.Ordinal);
        Assert.Contains("  close(id: Int!): Int! @authorize(roles: [\"Admin\"])\n", Sdl, StringComparison.Ordinal);
    }

    [Fact]
    public void The_printed_schema_builds_again_from_SDL_and_prints_the_same()
    {
        Assert.Equal(Sdl, SchemaPrinter.Print(SchemaBuilder.FromSdl(Sdl).Create()));
    }

    [Fact]
    public void Authorize_and_AllowAnonymous_on_one_field_are_refused_whichever_runs_first()
    {
        var first = Assert.Throws<SchemaValidationException>(() => SchemaBuilder.New().AddQueryType<ContradictoryQuery>().Create());
        var second = Assert.Throws<SchemaValidationException>(() => SchemaBuilder.New().AddQueryType<LateAllowAnonymousQuery>().Create());

        Assert.Equal("[Authorize] on ContradictoryQuery.Both contradicts its [AllowAnonymous]: a field is either authorized or open.", first.Message);
        Assert.Equal("[AllowAnonymous] on LateAllowAnonymousQuery.Both contradicts its [Authorize]: a field is either authorized or open.", second.Message);
    }

    [Fact]
    public void An_empty_role_or_policy_name_is_refused()
    {
        var role = Assert.Throws<SchemaValidationException>(() => SchemaBuilder.New().AddQueryType<EmptyRoleQuery>().Create());
        var policy = Assert.Throws<SchemaValidationException>(() => SchemaBuilder.New().AddQueryType<EmptyPolicyQuery>().Create());

        Assert.Equal("[Authorize] on EmptyRoleQuery.A: a role is empty (Roles: [\"Admin,\"]).", role.Message);
        Assert.Equal("[Authorize] on EmptyPolicyQuery.A: Policy names a policy or is left out.", policy.Message);
    }

    private static string TypeBlock(string start)
    {
        var from = Sdl.IndexOf("\n" + start, StringComparison.Ordinal) + 1;
        Assert.True(from > 0, $"No \"{start}\" in:\n{Sdl}");
        return Sdl[from..(Sdl.IndexOf("\n}", from, StringComparison.Ordinal) + 2)];
    }

    [Authorize]
    public sealed class DirectivesQuery
    {
        [AllowAnonymous]
        public int A => 1;
    }

    public sealed class ContradictoryQuery
    {
        [Authorize]
        [AllowAnonymous]
        public int Both => 1;
    }

    public sealed class LateAllowAnonymousQuery
    {
        [Authorize(Order = 0)]
        [AllowAnonymous(Order = 1)]
        public int Both => 1;
    }

    public sealed class EmptyRoleQuery
    {
        [Authorize(Roles = ["Admin,"])]
        public int A => 1;
    }

    public sealed class EmptyPolicyQuery
    {
        [Authorize(Policy = "")]
        public int A => 1;
    }
}
