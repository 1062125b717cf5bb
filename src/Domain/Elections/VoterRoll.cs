using System.Security.Cryptography;
using System.Text;
using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.Domain.Elections;

/// <summary>
/// The citizen IDs allowed to vote in one election. Its hash is SHA-256 over the distinct IDs in
/// ordinal order, each followed by a line feed, as lowercase hex: anyone holding the published
/// roll can recompute it.
/// </summary>
public sealed class VoterRoll
{
    public const int MaxSize = 10_000_000;

    private VoterRoll(IReadOnlyList<CitizenId> citizenIds, string hash)
    {
        CitizenIds = citizenIds;
        Hash = hash;
    }

    /// <summary>Distinct IDs in ordinal order.</summary>
    public IReadOnlyList<CitizenId> CitizenIds { get; }

    public string Hash { get; }

    public int Count => CitizenIds.Count;

    public static VoterRoll Create(IEnumerable<CitizenId> citizenIds)
    {
        ArgumentNullException.ThrowIfNull(citizenIds);
        var sorted = citizenIds.Select(c => string.IsNullOrEmpty(c.Value)
                ? throw DomainException.Validation("A voter roll entry has no citizen ID.")
                : c.Value)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (sorted.Count == 0)
        {
            throw DomainException.Validation("A voter roll needs at least one citizen ID.");
        }

        if (sorted.Count > MaxSize)
        {
            throw DomainException.Validation($"A voter roll holds at most {MaxSize} citizen IDs.");
        }

        return new VoterRoll(sorted.Select(CitizenId.Parse).ToList(), ComputeHash(sorted));
    }

    private static string ComputeHash(List<string> sortedIds)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> line = stackalloc byte[CitizenId.Length + 1];
        foreach (var id in sortedIds)
        {
            var written = Encoding.ASCII.GetBytes(id, line);
            line[written] = (byte)'\n';
            sha.AppendData(line[..(written + 1)]);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
