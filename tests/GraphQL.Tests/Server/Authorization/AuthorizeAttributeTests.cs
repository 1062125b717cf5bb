using System.Security.Claims;
using Voting.GraphQL.Execution;
using Voting.GraphQL.Language;
using Voting.GraphQL.Tests.Execution;
using Voting.GraphQL.Validation;

namespace Voting.GraphQL.Tests.Server.Authorization;

/// <summary>[Authorize] and [AllowAnonymous] through the real executor, with a real IAuthorizationService.</summary>
public sealed class AuthorizeAttributeTests
{
    private static readonly Voting.GraphQL.Types.Schema Schema = AuthorizationTestSchema.Create();

    private static readonly IServiceProvider Services = AuthorizationTestSchema.Services();

    private static ClaimsPrincipal Ada => TestUsers.SignedIn("ada");

    private static ClaimsPrincipal Admin => TestUsers.SignedIn("root", ["Admin"]);

    private static ClaimsPrincipal Clerk => TestUsers.SignedIn("bob", ["Clerk"]);

    [Fact]
    public async Task Anonymous_is_refused_with_AUTH_NOT_AUTHENTICATED_and_the_resolver_never_runs()
    {
        var root = new AuthQuery();

        var json = await RunAsync("{ open signedIn }", TestUsers.Anonymous, root);

        Assert.Equal(
            """{"errors":[{"message":"The current user is not authenticated.","locations":[{"line":1,"column":8}],"path":["signedIn"],"extensions":{"code":"AUTH_NOT_AUTHENTICATED"}}],"data":{"open":"open","signedIn":null}}""",
            json);
        Assert.Equal(0, root.Calls());
    }

    [Fact]
    public async Task No_user_at_all_is_anonymous()
    {
        var json = await RunAsync("{ signedIn }", user: null);

        Assert.Contains("AUTH_NOT_AUTHENTICATED", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_user_passes_a_plain_Authorize()
    {
        var root = new AuthQuery();

        Assert.Equal("""{"data":{"signedIn":"signed in","whoAmI":"ada"}}""", await RunAsync("{ signedIn whoAmI }", Ada, root));
        Assert.Equal(1, root.Calls());
    }

    [Fact]
    public async Task The_wrong_role_is_refused_with_AUTH_NOT_AUTHORIZED()
    {
        var root = new AuthQuery();

        var json = await RunAsync("{ admin }", Clerk, root);

        Assert.Equal(
            """{"errors":[{"message":"The current user is not authorized to access this resource.","locations":[{"line":1,"column":3}],"path":["admin"],"extensions":{"code":"AUTH_NOT_AUTHORIZED"}}],"data":{"admin":null}}""",
            json);
        Assert.Equal(0, root.Calls());
    }

    [Fact]
    public async Task The_right_role_passes_and_any_one_of_several_roles_suffices()
    {
        Assert.Equal("""{"data":{"admin":"admin","staff":"staff"}}""", await RunAsync("{ admin staff }", Admin));
        Assert.Equal("""{"data":{"staff":"staff"}}""", await RunAsync("{ staff }", Clerk));
    }

    [Fact]
    public async Task A_policy_allows_the_user_it_accepts_and_refuses_the_others()
    {
        Assert.Equal("""{"data":{"adult":"adult"}}""", await RunAsync("{ adult }", TestUsers.SignedIn("eve", adult: true)));
        Assert.Equal("AUTH_NOT_AUTHORIZED", Code(await RunAsync("{ adult }", Ada)));
        Assert.Equal("AUTH_NOT_AUTHENTICATED", Code(await RunAsync("{ adult }", TestUsers.Anonymous)));
    }

    [Fact]
    public async Task A_policy_gets_the_resolver_context_as_its_resource()
    {
        Assert.Equal("""{"data":{"diary":"diary of ada"}}""", await RunAsync("""{ diary(owner: "ada") }""", Ada));
        Assert.Equal("AUTH_NOT_AUTHORIZED", Code(await RunAsync("""{ diary(owner: "bob") }""", Ada)));
    }

    [Fact]
    public async Task Repeated_Authorize_needs_every_one_to_allow()
    {
        Assert.Equal("AUTH_NOT_AUTHORIZED", Code(await RunAsync("{ adultAdmin }", TestUsers.SignedIn("root", ["Admin"]))));
        Assert.Equal("AUTH_NOT_AUTHORIZED", Code(await RunAsync("{ adultAdmin }", TestUsers.SignedIn("eve", adult: true))));
        Assert.Equal("""{"data":{"adultAdmin":"adult admin"}}""", await RunAsync("{ adultAdmin }", TestUsers.SignedIn("root", ["Admin"], adult: true)));
    }

    [Fact]
    public async Task A_policy_without_an_authorization_service_is_an_internal_error_not_an_open_door()
    {
        var root = new AuthQuery();
        var json = await RunAsync("{ adult }", TestUsers.SignedIn("eve", adult: true), root, withServices: false);

        Assert.Equal("INTERNAL_SERVER_ERROR", Code(json));
        Assert.Equal(0, root.Calls());
    }

    [Fact]
    public async Task Type_level_Authorize_guards_every_field_of_the_type_but_the_AllowAnonymous_one()
    {
        var json = await RunAsync("{ account { login name } }", TestUsers.Anonymous);

        Assert.Equal(
            """{"errors":[{"message":"The current user is not authenticated.","locations":[{"line":1,"column":19}],"path":["account","name"],"extensions":{"code":"AUTH_NOT_AUTHENTICATED"}}],"data":null}""",
            json);
        Assert.Equal("""{"data":{"account":{"login":"login form"}}}""", await RunAsync("{ account { login } }", TestUsers.Anonymous));
        Assert.Equal("""{"data":{"account":{"login":"login form","name":"ada"}}}""", await RunAsync("{ account { login name } }", Ada));
    }

    [Fact]
    public async Task Type_level_and_field_level_Authorize_both_apply()
    {
        Assert.Equal("AUTH_NOT_AUTHENTICATED", Code(await RunAsync("{ account { secret } }", TestUsers.Anonymous)));
        Assert.Equal("AUTH_NOT_AUTHORIZED", Code(await RunAsync("{ account { secret } }", Ada)));
        Assert.Equal("""{"data":{"account":{"secret":"secret"}}}""", await RunAsync("{ account { secret } }", Admin));
    }

    [Fact]
    public async Task A_refused_non_null_field_propagates_its_null_to_the_nearest_nullable_parent()
    {
        var json = await RunAsync("{ box { free required } open }", TestUsers.Anonymous);

        Assert.Equal(
            """{"errors":[{"message":"The current user is not authenticated.","locations":[{"line":1,"column":14}],"path":["box","required"],"extensions":{"code":"AUTH_NOT_AUTHENTICATED"}}],"data":{"box":null,"open":"open"}}""",
            json);
    }

    [Fact]
    public async Task An_interface_member_s_and_an_interface_s_authorization_reach_the_implementing_class()
    {
        Assert.Equal(
            """{"data":{"memo":{"title":"memo","extra":"extra","code":"M-1"}}}""",
            await RunAsync("{ memo { title extra code } }", Clerk));
        Assert.Equal("AUTH_NOT_AUTHORIZED", Code(await RunAsync("{ memo { body } }", Clerk)));
        Assert.Equal("AUTH_NOT_AUTHORIZED", Code(await RunAsync("{ memo { ... on AuthDocument { body } } }", Clerk)));
        Assert.Equal("AUTH_NOT_AUTHORIZED", Code(await RunAsync("{ memo { code } }", Admin)));
        Assert.Equal("""{"data":{"memo":{"body":"body"}}}""", await RunAsync("{ memo { body } }", Admin));
    }

    [Fact]
    public async Task A_refused_mutation_field_never_runs_and_stops_the_serial_execution()
    {
        var root = new AuthMutation();

        var json = await RunAsync("mutation { close(id: 7) ping }", Clerk, root);

        Assert.Equal(
            """{"errors":[{"message":"The current user is not authorized to access this resource.","locations":[{"line":1,"column":12}],"path":["close"],"extensions":{"code":"AUTH_NOT_AUTHORIZED"}}],"data":null}""",
            json);
        Assert.Equal(0, root.Closed());
        Assert.Equal("""{"data":{"close":7,"ping":1}}""", await RunAsync("mutation { close(id: 7) ping }", Admin, root));
        Assert.Equal(1, root.Closed());
    }

    [Fact]
    public async Task A_refused_subscription_is_a_request_error_before_the_source_stream_exists()
    {
        var root = new AuthSubscription();

        var subscription = await SubscribeAsync("subscription { alerts(count: 2) { n } }", Clerk, root);

        Assert.False(subscription.IsStream);
        Assert.Equal(
            """{"errors":[{"message":"The current user is not authorized to access this resource.","locations":[{"line":1,"column":16}],"path":["alerts"],"extensions":{"code":"AUTH_NOT_AUTHORIZED"}}]}""",
            ExecutorTests.Write(subscription.RequestError));
        Assert.Equal(0, root.Subscribed());
    }

    [Fact]
    public async Task An_allowed_subscription_runs_every_event_as_the_subscriber()
    {
        var root = new AuthSubscription();

        var subscription = await SubscribeAsync("subscription { alerts(count: 2) { n who } }", Admin, root);
        var results = new List<string>();
        await foreach (var result in subscription.Responses!.WithCancellation(TestContext.Current.CancellationToken))
        {
            results.Add(ExecutorTests.Write(result));
        }

        Assert.Equal(["""{"data":{"alerts":{"n":1,"who":"root"}}}""", """{"data":{"alerts":{"n":2,"who":"root"}}}"""], results);
        Assert.Equal(1, root.Subscribed());
    }

    private static string? Code(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
    }

    private static async Task<string> RunAsync(string query, ClaimsPrincipal? user, object? root = null, bool withServices = true)
    {
        var result = await Executor.ExecuteAsync(Request(query, user, root, withServices ? Services : null), TestContext.Current.CancellationToken);
        return ExecutorTests.Write(result);
    }

    private static Task<SubscriptionResult> SubscribeAsync(string query, ClaimsPrincipal user, object root) =>
        Executor.SubscribeAsync(Request(query, user, root, Services), TestContext.Current.CancellationToken);

    private static ExecutionRequest Request(string query, ClaimsPrincipal? user, object? root, IServiceProvider? services)
    {
        var document = Parser.Parse(query);
        Assert.Empty(DocumentValidator.Validate(Schema, document));
        return new ExecutionRequest { Schema = Schema, Document = document, User = user, RootValue = root, Services = services };
    }
}
