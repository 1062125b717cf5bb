using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Voting.GraphQL.Server;

/// <summary>
/// The SHA-256 of a query's UTF-8 bytes as lowercase hexadecimal: the key of the document cache and the hash
/// Apollo's automatic persisted queries send (<c>extensions.persistedQuery.sha256Hash</c>), so a hash-only
/// request can find its document in the cache without a trip to the persisted query store.
/// </summary>
internal static class QueryHash
{
    private const int StackLimit = 4096;

    public static string Compute(string query)
    {
        var length = Encoding.UTF8.GetMaxByteCount(query.Length);
        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = Encoding.UTF8.GetBytes(query, buffer);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer[..written], hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
