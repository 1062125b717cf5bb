namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>A subscriber whose reader waits for the event a publish handed it; <see cref="Wake"/> resumes that reader on the calling thread.</summary>
internal interface ITopicWaiter
{
    void Wake();
}

/// <summary>
/// Resumes the readers a publish handed an event to, on a few threads of the process's own rather than
/// one thread-pool work item per reader (ADR 0037). A room with a thousand subscribers on an instance
/// used to put a thousand deliveries in the pool's queue per message, and every other continuation of the
/// process (a request's database round trips, the relay of the next event) waited behind them: on two
/// cores the sends before a delivery spent most of its latency in that queue. Here a publish hands its
/// readers to these threads in a few chunks, each reader runs inline up to its next wait (normally through
/// the execution of the event and its write to the socket), and the pool stays free for everything else;
/// the operating system shares the cores between the two. A reader must not block its thread: everything
/// it awaits is asynchronous, as everywhere in the process.
/// </summary>
internal sealed class TopicFanOut
{
    // Readers per chunk below which one thread takes the whole publish: splitting costs more than it gains.
    private const int MinimumChunk = 64;

    private static readonly Lazy<TopicFanOut> Process = new(() => new TopicFanOut(Math.Clamp(Environment.ProcessorCount, 1, 8)));

    private readonly Worker[] _workers;
    private int _next;

    private TopicFanOut(int threads)
    {
        _workers = new Worker[threads];
        for (var i = 0; i < threads; i++)
        {
            var worker = _workers[i] = new Worker();
            new Thread(static state => ((Worker)state!).Run())
            {
                IsBackground = true,
                Name = "Topic fan-out",
            }.Start(worker);
        }
    }

    /// <summary>The process's fan-out threads, started at the first publish that has a reader to resume.</summary>
    public static TopicFanOut Shared => Process.Value;

    /// <summary>Resumes every waiter in <paramref name="waiters"/>, spread over the threads; returns at once.</summary>
    public void Wake(ITopicWaiter[] waiters)
    {
        var chunks = Math.Clamp(waiters.Length / MinimumChunk, 1, _workers.Length);
        var size = (waiters.Length + chunks - 1) / chunks;
        var first = (int)((uint)Interlocked.Increment(ref _next) % (uint)_workers.Length);
        for (int i = 0, start = 0; start < waiters.Length; i++, start += size)
        {
            _workers[(first + i) % _workers.Length].Add(new Chunk(waiters, start, Math.Min(size, waiters.Length - start)));
        }
    }

    /// <summary>
    /// One thread and its queue. An idle thread sleeps on the queue's monitor without spinning first: a spinning
    /// waiter (as a BlockingCollection's semaphore does) yields the core over and over on a busy machine, which
    /// cost more than the deliveries themselves.
    /// </summary>
    private sealed class Worker
    {
        private readonly Queue<Chunk> _queue = new();
        private bool _idle;

        public void Add(Chunk chunk)
        {
            lock (_queue)
            {
                _queue.Enqueue(chunk);
                if (_idle)
                {
                    Monitor.Pulse(_queue);
                }
            }
        }

        public void Run()
        {
            while (true)
            {
                Chunk chunk;
                lock (_queue)
                {
                    while (_queue.Count == 0)
                    {
                        _idle = true;
                        Monitor.Wait(_queue);
                        _idle = false;
                    }

                    chunk = _queue.Dequeue();
                }

                for (var i = chunk.Start; i < chunk.Start + chunk.Count; i++)
                {
                    // An async reader's continuation keeps its exceptions in its own task; one that escapes ends the
                    // process, as it would have on the thread pool.
                    chunk.Waiters[i].Wake();
                }
            }
        }
    }

    private readonly record struct Chunk(ITopicWaiter[] Waiters, int Start, int Count);
}
