using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Voting.Domain.Chat;

namespace Voting.Application.Chat.SendMessage;

/// <summary>
/// Group commit for a room's messages (ADR 0036), as votes have it (ADR 0025): one writer per room in
/// this process takes every message waiting at that moment and stores them in one transaction under
/// the room's lock (<see cref="RoomSendBatch"/>); messages that arrive meanwhile wait for the next
/// batch. Each caller is answered after its batch commits, or with its own refusal.
/// </summary>
/// <remarks>
/// The room's row lock orders its log, so a room takes at most one change per lock hold; with a send per
/// hold, a busy room's sends queue on the lock (each holding a pooled connection while it waits) and its
/// rate is bounded by the round trips made under the lock. A batch makes the same round trips for all of
/// its messages, and a waiting message holds no connection.
/// </remarks>
public sealed class RoomSendQueue(IServiceScopeFactory scopes)
{
    /// <summary>The most messages in one transaction: bounds its statements and its lock time.</summary>
    public const int MaxBatchSize = 100;

    private readonly ConcurrentDictionary<RoomId, Queue> _queues = new();

    /// <summary>Queues <paramref name="send"/> for <paramref name="roomId"/>; its outcome once its batch committed.</summary>
    public Task<MessageView> SendAsync(RoomId roomId, QueuedSend send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        cancellationToken.ThrowIfCancellationRequested();
        bool start;
        var queue = _queues.GetOrAdd(roomId, static _ => new Queue());
        lock (queue)
        {
            queue.Waiting.Enqueue(send);
            start = !queue.Running;
            queue.Running = true;
        }

        if (start)
        {
            // The writer belongs to no request: its scope, logging context and cancellation are its own.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(() => DrainAsync(roomId, queue), CancellationToken.None);
            }
        }

        return send.WaitAsync(cancellationToken);
    }


    private async Task DrainAsync(RoomId roomId, Queue queue)
    {
        while (true)
        {
            var batch = new List<QueuedSend>();
            lock (queue)
            {
                while (batch.Count < MaxBatchSize && queue.Waiting.TryDequeue(out var send))
                {
                    if (send.TryTake())
                    {
                        batch.Add(send);
                    }
                }

                if (batch.Count == 0)
                {
                    // An idle room's queue stays: rooms are few enough, and a removed queue could race a new send.
                    queue.Running = false;
                    return;
                }
            }

            try
            {
                var scope = scopes.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    await scope.ServiceProvider.GetRequiredService<RoomSendBatch>().CommitAsync(roomId, batch).ConfigureAwait(false);
                }
            }
            catch (Exception exception)
            {
                // Nothing of the batch committed: every message in it fails (answered ones ignore this).
                foreach (var send in batch)
                {
                    send.Fail(exception);
                }
            }
        }
    }

    /// <summary>One room's waiting messages; guarded by locking the instance.</summary>
    private sealed class Queue
    {
        public Queue<QueuedSend> Waiting { get; } = new();

        public bool Running { get; set; }
    }
}
