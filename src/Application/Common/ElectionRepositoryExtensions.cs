using Voting.Application.Abstractions;
using Voting.Domain.Common;
using Voting.Domain.Elections;

namespace Voting.Application.Common;

internal static class ElectionRepositoryExtensions
{
    public static async Task<Election> GetRequiredAsync(this IElectionRepository elections, ElectionId id, CancellationToken cancellationToken) =>
        await elections.GetAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw DomainException.NotFound($"Election '{id}' was not found.");
}
