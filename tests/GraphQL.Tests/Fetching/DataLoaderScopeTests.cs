using Voting.GraphQL.Fetching;

namespace Voting.GraphQL.Tests.Fetching;

public sealed class DataLoaderScopeTests
{
    private readonly BatchScheduler _scheduler = new();

    [Fact]
    public void GetOrCreate_gives_one_loader_per_scope()
    {
        var services = new TestServices().Add(new VotingData(elections: 1));
        var scope = new DataLoaderScope(_scheduler, services);
        var otherRequest = new DataLoaderScope(new BatchScheduler(), services);

        var loader = scope.GetOrCreate<CandidatesByElectionLoader>();

        Assert.Same(loader, scope.GetOrCreate<CandidatesByElectionLoader>());
        Assert.NotSame(loader, otherRequest.GetOrCreate<CandidatesByElectionLoader>());
        Assert.Same(_scheduler, scope.Scheduler);
    }

    [Fact]
    public void The_constructor_gets_services_the_scheduler_and_the_registered_options()
    {
        var options = new DataLoaderOptions { MaxBatchSize = 3 };
        var clock = new Clock();
        var scope = new DataLoaderScope(_scheduler, new TestServices().Add(clock).Add(options));

        var loader = scope.GetOrCreate<ConstructorProbe>();

        Assert.Same(clock, loader.Clock);
        Assert.Same(_scheduler, loader.Scheduler);
        Assert.Same(options, loader.Options);
    }

    [Fact]
    public void Options_default_when_the_services_have_none()
    {
        var scope = new DataLoaderScope(_scheduler, new TestServices().Add(new Clock()));

        Assert.Same(DataLoaderOptions.Default, scope.GetOrCreate<ConstructorProbe>().Options);
    }

    [Fact]
    public void Without_services_a_loader_needing_only_the_scheduler_is_constructed()
    {
        var scope = new DataLoaderScope(_scheduler, services: null);

        Assert.Same(_scheduler, scope.GetOrCreate<SchedulerOnlyLoader>().Scheduler);
    }

    [Fact]
    public void The_longest_constructor_whose_parameters_all_resolve_is_used()
    {
        var scope = new DataLoaderScope(_scheduler, new TestServices().Add(new Clock()));

        var loader = scope.GetOrCreate<TwoConstructorsLoader>();

        Assert.Equal("clock", loader.Chosen);
    }

    [Fact]
    public void An_optional_parameter_the_services_lack_gets_its_default()
    {
        var scope = new DataLoaderScope(_scheduler, services: null);

        var loader = scope.GetOrCreate<OptionalParameterLoader>();

        Assert.Null(loader.Clock);
        Assert.Equal(5, loader.Limit);
    }

    [Fact]
    public void A_missing_service_is_reported_by_parameter()
    {
        var scope = new DataLoaderScope(_scheduler, new TestServices());

        var error = Assert.Throws<InvalidOperationException>(scope.GetOrCreate<ConstructorProbe>);

        Assert.Contains("Clock clock", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_abstract_loader_type_is_refused()
    {
        var scope = new DataLoaderScope(_scheduler, services: null);

        var error = Assert.Throws<InvalidOperationException>(scope.GetOrCreate<BatchDataLoader<int, string>>);

        Assert.Contains("abstract", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_from_the_constructor_is_not_wrapped()
    {
        var scope = new DataLoaderScope(_scheduler, services: null);

        Assert.Throws<NotSupportedException>(scope.GetOrCreate<ThrowingLoader>);
    }

    [Fact]
    public void A_keyed_loader_is_created_once_with_the_scheduler()
    {
        var scope = new DataLoaderScope(_scheduler, services: null);
        var created = 0;
        FuncBatchDataLoader<int, string> Create(BatchScheduler scheduler)
        {
            created++;
            Assert.Same(_scheduler, scheduler);
            return new((keys, _) => Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => $"{k}")), scheduler);
        }

        var first = scope.GetOrCreate("names", Create);
        var second = scope.GetOrCreate("names", Create);

        Assert.Same(first, second);
        Assert.Equal(1, created);
    }

    [Fact]
    public void A_key_naming_a_loader_of_another_type_is_refused()
    {
        var scope = new DataLoaderScope(_scheduler, services: null);
        scope.GetOrCreate("names", s => new SchedulerOnlyLoader(s));

        var error = Assert.Throws<InvalidOperationException>(() =>
            scope.GetOrCreate("names", s => new FuncGroupedDataLoader<int, int>((keys, _) => Task.FromResult(keys.ToLookup(k => k)), s)));

        Assert.Contains("names", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loader_asked_for_by_many_threads_at_once_is_constructed_once()
    {
        var clock = new Clock();
        var scope = new DataLoaderScope(_scheduler, new TestServices().Add(clock));

        var loaders = new ConstructorProbe[64];
        Parallel.For(0, loaders.Length, i => loaders[i] = scope.GetOrCreate<ConstructorProbe>());

        Assert.Equal(1, clock.Constructions);
        Assert.All(loaders, l => Assert.Same(loaders[0], l));
    }

    internal sealed class Clock
    {
        private int _constructions;

        public int Constructions => _constructions;

        public void Constructed() => Interlocked.Increment(ref _constructions);
    }

    internal sealed class ConstructorProbe : BatchDataLoader<int, int>
    {
        public ConstructorProbe(Clock clock, BatchScheduler scheduler, DataLoaderOptions options)
            : base(scheduler, options)
        {
            clock.Constructed();
            Clock = clock;
            Scheduler = scheduler;
            Options = options;
        }

        public Clock Clock { get; }

        public BatchScheduler Scheduler { get; }

        public DataLoaderOptions Options { get; }

        protected override Task<IReadOnlyDictionary<int, int>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }

    internal sealed class SchedulerOnlyLoader : BatchDataLoader<int, int>
    {
        public SchedulerOnlyLoader(BatchScheduler scheduler)
            : base(scheduler)
        {
            Scheduler = scheduler;
        }

        public BatchScheduler Scheduler { get; }

        protected override Task<IReadOnlyDictionary<int, int>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }

    internal sealed class TwoConstructorsLoader : BatchDataLoader<int, int>
    {
        public TwoConstructorsLoader(Clock clock, BatchScheduler scheduler)
            : base(scheduler)
        {
            Chosen = clock is null ? "none" : "clock";
        }

        public TwoConstructorsLoader(Clock clock, Uri unregistered, BatchScheduler scheduler)
            : base(scheduler)
        {
            Chosen = $"{clock}{unregistered}";
        }

        public string Chosen { get; }

        protected override Task<IReadOnlyDictionary<int, int>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }

    internal sealed class OptionalParameterLoader(BatchScheduler scheduler, Clock? clock = null, int limit = 5) : BatchDataLoader<int, int>(scheduler)
    {
        public Clock? Clock => clock;

        public int Limit => limit;

        protected override Task<IReadOnlyDictionary<int, int>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }

    internal sealed class ThrowingLoader : BatchDataLoader<int, int>
    {
        public ThrowingLoader(BatchScheduler scheduler)
            : base(scheduler)
        {
            throw new NotSupportedException();
        }

        protected override Task<IReadOnlyDictionary<int, int>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
