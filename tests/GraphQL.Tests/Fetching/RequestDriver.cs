using Voting.GraphQL.Fetching;

namespace Voting.GraphQL.Tests.Fetching;

/// <summary>
/// Drives a request's loaders as the executor does, without the executor: run the root resolver
/// until it waits, then dispatch whenever keys are pending, until the root completes.
/// </summary>
internal static class RequestDriver
{
    /// <summary>Runs <paramref name="root"/> to completion; returns its result and the number of dispatches.</summary>
    public static Task<(T Result, int Dispatches)> RunAsync<T>(BatchScheduler scheduler, Func<Task<T>> root, CancellationToken cancellationToken) =>
        // On the thread pool, as in ASP.NET Core: no synchronization context to post continuations to.
        Task.Run(
            async () =>
            {
                var dispatches = 0;
                var running = root();
                while (!running.IsCompleted)
                {
                    if (scheduler.HasPending)
                    {
                        dispatches++;
                        await scheduler.DispatchAsync(cancellationToken);
                    }
                    else
                    {
                        await Task.WhenAny(running, scheduler.WhenPending);
                    }
                }

                return (await running, dispatches);
            },
            cancellationToken);
}
