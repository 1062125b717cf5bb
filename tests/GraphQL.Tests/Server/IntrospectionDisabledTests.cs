using System.Net;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Validation.Rules;

namespace Voting.GraphQL.Tests.Server;

public sealed class IntrospectionDisabledTests
{
    [Theory]
    [InlineData("{ __schema { queryType { name } } }")]
    [InlineData("{ __type(name: \"Query\") { name } }")]
    [InlineData("query { ...F } fragment F on Query { __schema { description } }")]
    public async Task Schema_and_type_are_refused_when_introspection_is_off(string query)
    {
        await using var host = await GraphQLTestHost.StartAsync(s => s.ModifyOptions(o => o.EnableIntrospection = false));

        using var response = await host.PostAsync(new { query }, "application/graphql-response+json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal(ErrorCodes.IntrospectionDisabled, json.FirstCode());
        Assert.Equal(IntrospectionDisabledRule.Message, json.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Typename_stays_allowed_and_the_SDL_stays_served()
    {
        await using var host = await GraphQLTestHost.StartAsync(s => s.ModifyOptions(o => o.EnableIntrospection = false));

        using var typename = await host.PostAsync(new { query = "{ __typename answer }" });
        using var sdl = await host.GetAsync("/graphql?sdl", accept: null);

        Assert.Equal("Query", (await typename.JsonAsync()).GetProperty("data").GetProperty("__typename").GetString());
        Assert.Equal(HttpStatusCode.OK, sdl.StatusCode);
    }

    [Fact]
    public async Task Introspection_is_on_by_default()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var response = await host.PostAsync(new { query = "{ __schema { queryType { name } } }" });

        Assert.Equal("Query", (await response.JsonAsync()).GetProperty("data").GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
    }
}
