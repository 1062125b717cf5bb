using System.Text.Json;

namespace Voting.WebApi.Identity;

/// <summary>
/// Authenticates a WebSocket connection once, from its <c>connection_init</c> payload: graphql-ws and
/// Apollo clients send <c>{ "Authorization": "Bearer …" }</c> (any case) or <c>{ "token": "…" }</c>. A valid
/// token becomes the connection's user; an invalid one refuses the connection (close 4403); none
/// keeps whoever the upgrade request's Authorization header proved, or anonymous.
/// </summary>
public sealed class ConnectionAuthenticator(AccessTokens tokens)
{
    public async ValueTask<bool> OnConnectAsync(HttpContext context, IReadOnlyDictionary<string, object?>? payload)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (TokenFrom(payload) is not { } token)
        {
            return true;
        }

        var user = await tokens.ValidateAsync(token).ConfigureAwait(false);
        if (user is null)
        {
            return false;
        }

        context.User = user;
        return true;
    }

    private static string? TokenFrom(IReadOnlyDictionary<string, object?>? payload)
    {
        if (payload is null)
        {
            return null;
        }

        foreach (var (key, value) in payload)
        {
            var text = value switch
            {
                string s => s,
                JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
                _ => null,
            };
            if (text is null)
            {
                continue;
            }

            if (key.Equals("authorization", StringComparison.OrdinalIgnoreCase))
            {
                return text.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? text["Bearer ".Length..].Trim() : text.Trim();
            }

            if (key is "token" or "accessToken")
            {
                return text.Trim();
            }
        }

        return null;
    }
}
