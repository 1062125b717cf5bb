using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using SessionOptions = Voting.Application.Users.Sessions.SessionOptions;

namespace Voting.WebApi.Identity;

internal static class IdentityServiceCollectionExtensions
{
    /// <summary>JWT bearer authentication for HTTP, the same validation for WebSocket connections, sessions and the login throttle.</summary>
    /// <remarks>Options are read when the host starts (so test hosts can override them); a bad signing key stops the start.</remarks>
    public static IServiceCollection AddVotingIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JwtOptions>().Bind(configuration.GetSection(JwtOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JwtOptions>, JwtOptionsValidator>();
        services.AddOptions<LoginThrottleOptions>().Bind(configuration.GetSection(LoginThrottleOptions.SectionName))
            .Validate(o => o.PerCitizenId > 0 && o.PerAddress > 0 && o.Window > TimeSpan.Zero, "Accounts:LoginRateLimit needs positive limits and window.")
            .ValidateOnStart();
        services.AddSingleton(provider => new SessionOptions
        {
            RefreshTokenLifetime = provider.GetRequiredService<IConfiguration>().GetSection("Accounts:RefreshTokenLifetime").Get<TimeSpan?>() ?? new SessionOptions().RefreshTokenLifetime,
        });
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<ConnectionAuthenticator>();
        services.AddSingleton<LoginThrottle>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<AccessTokens>((options, tokens) =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = tokens.Parameters;
        });
        services.AddAuthorization();
        return services;
    }

    private sealed class JwtOptionsValidator(IHostEnvironment environment) : IValidateOptions<JwtOptions>
    {
        public ValidateOptionsResult Validate(string? name, JwtOptions options) =>
            options.Problem(environment) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
