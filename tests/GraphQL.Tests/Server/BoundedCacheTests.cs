using Voting.GraphQL.Server;

namespace Voting.GraphQL.Tests.Server;

public sealed class BoundedCacheTests
{
    [Fact]
    public void The_least_recently_used_entry_goes_first()
    {
        var cache = new BoundedCache<string, int>(2);
        cache.Set("a", 1);
        cache.Set("b", 2);
        Assert.True(cache.TryGet("a", out _));

        cache.Set("c", 3);

        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal(1, a);
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("c", out _));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Setting_a_present_key_replaces_its_value_without_evicting()
    {
        var cache = new BoundedCache<string, int>(2);
        cache.Set("a", 1);
        cache.Set("b", 2);

        cache.Set("a", 10);

        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal(10, a);
        Assert.True(cache.TryGet("b", out _));
    }

    [Fact]
    public void Hits_and_misses_are_counted()
    {
        var cache = new BoundedCache<string, int>(4);
        cache.Set("a", 1);

        cache.TryGet("a", out _);
        cache.TryGet("a", out _);
        cache.TryGet("z", out _);

        Assert.Equal(2, cache.Hits);
        Assert.Equal(1, cache.Misses);
    }

    [Fact]
    public async Task Concurrent_unique_keys_never_grow_it_past_its_capacity()
    {
        var cache = new BoundedCache<int, int>(64);
        var workers = Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                var key = (worker * 5_000) + i;
                cache.Set(key, key);
                if (cache.TryGet(key - 1, out var previous))
                {
                    Assert.Equal(key - 1, previous);
                }
            }
        }, TestContext.Current.CancellationToken));

        await Task.WhenAll(workers);

        Assert.Equal(64, cache.Count);
    }

    [Fact]
    public void A_capacity_below_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedCache<string, int>(0));
}
