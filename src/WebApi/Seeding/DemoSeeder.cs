using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Voting.Application.Abstractions;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Users;
using Voting.Infrastructure.Persistence;

namespace Voting.WebApi.Seeding;

/// <summary>
/// Fills an empty database with a demo: the admin from configuration, three voters and one open
/// election with three candidates. Does nothing when any user exists.
/// </summary>
internal static class DemoSeeder
{
    public static readonly string[] DemoVoterCitizenIds = ["1101700203450", "1101700203468", "1101700203476"];

    public static async Task SeedDemoAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var scope = services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var options = scope.ServiceProvider.GetRequiredService<IOptions<SeedOptions>>().Value;
            var db = scope.ServiceProvider.GetRequiredService<VotingDbContext>();
            if (!options.Enabled || await db.Users.AnyAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher>();
            var clock = scope.ServiceProvider.GetRequiredService<IClock>();
            var admin = User.Register(
                CitizenId.Parse(options.Admin.CitizenId),
                PhoneNumber.Parse(options.Admin.Phone),
                hasher.Hash(options.Admin.Password),
                clock);
            admin.AssignRole(Role.Admin);
            admin.AssignRole(Role.ElectionOfficer);
            db.Users.Add(admin);
            var voterHash = hasher.Hash(options.VoterPassword);
            for (var i = 0; i < DemoVoterCitizenIds.Length; i++)
            {
                db.Users.Add(User.Register(CitizenId.Parse(DemoVoterCitizenIds[i]), PhoneNumber.Parse($"+6681000000{i + 1}"), voterHash, clock));
            }

            var now = clock.UtcNow;
            var election = Election.Create(
                "Demo: class representative",
                "A demonstration election seeded for development.",
                now,
                now.AddDays(7),
                BallotKind.SingleChoice,
                ResultsVisibility.Live,
                admin.Id,
                clock);
            election.AddCandidate("Alice Example", "Independent");
            election.AddCandidate("Bob Example", "Green Party");
            election.AddCandidate("Carol Example", "Labour Party");
            election.Schedule(clock);
            election.Open(clock);
            db.Elections.Add(election);
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
