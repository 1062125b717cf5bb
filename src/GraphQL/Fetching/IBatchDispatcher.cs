namespace Voting.GraphQL.Fetching;

/// <summary>A loader as its scheduler sees it: something holding one batch of keys to fetch.</summary>
internal interface IBatchDispatcher
{
    /// <summary>
    /// Takes the loader's pending batch and fetches it; the task completes once every waiting load
    /// of the batch has been completed. It never faults: a failed fetch fails the loads instead.
    /// </summary>
    Task DispatchAsync(CancellationToken cancellationToken);
}
