using System.Collections;

namespace Voting.GraphQL.Fetching;

/// <summary>How a data loader batches and caches.</summary>
public sealed record DataLoaderOptions
{
    /// <summary>The options a loader gets when it is given none.</summary>
    public static DataLoaderOptions Default { get; } = new();

    /// <summary>
    /// The most keys one call of the batch function gets; a larger batch is split into several
    /// calls, run concurrently. <see langword="null"/> (the default) means no limit.
    /// </summary>
    public int? MaxBatchSize
    {
        get;
        init
        {
            if (value is < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "A batch holds at least one key.");
            }

            field = value;
        }
    }

    /// <summary>
    /// Whether a loaded value is kept for the rest of the request (the default), so a key loaded
    /// again does not reach the batch function again. Without caching, keys are still de-duplicated
    /// within one batch.
    /// </summary>
    public bool Caching { get; init; } = true;

    /// <summary>
    /// Compares keys, for the cache and for de-duplication. Give one that also implements
    /// <see cref="IEqualityComparer{T}"/> of the key type (as <see cref="StringComparer"/> does) to
    /// avoid boxing; <see langword="null"/> (the default) means the key type's default equality.
    /// </summary>
    public IEqualityComparer? KeyComparer { get; init; }
}
