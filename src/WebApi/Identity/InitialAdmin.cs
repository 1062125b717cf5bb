using Voting.Application.Users.EnsureInitialAdmin;

namespace Voting.WebApi.Identity;

/// <summary>The first admin, from <c>Accounts:InitialAdmin</c> (CitizenId; Phone and Password when not yet registered).</summary>
internal static class InitialAdmin
{
    public const string SectionName = "Accounts:InitialAdmin";

    public static async Task EnsureInitialAdminAsync(this IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        var section = configuration.GetSection(SectionName);
        if (string.IsNullOrWhiteSpace(section["CitizenId"]))
        {
            return;
        }

        var scope = services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var handler = scope.ServiceProvider.GetRequiredService<EnsureInitialAdminHandler>();
            var outcome = await handler.HandleAsync(new EnsureInitialAdminCommand(section["CitizenId"]!, section["Phone"], section["Password"]), cancellationToken).ConfigureAwait(false);
            scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(InitialAdmin)).LogInformation("Initial admin from configuration: {Outcome}", outcome);
        }
    }
}
