using Voting.WebApi.Hosting;
using Xunit;

namespace Voting.WebApi.Tests.Hosting;

public sealed class IdleTrimPolicyTests
{
    private const long MB = 1024 * 1024;

    private static readonly IdleMemoryTrimmerOptions Options = new()
    {
        AfterAllocatedBytes = 128 * MB,
        QuietBytesPerSecond = 1 * MB,
        QuietFor = TimeSpan.FromSeconds(3),
        MinInterval = TimeSpan.FromMinutes(5),
    };

    [Fact]
    public void A_burst_followed_by_a_quiet_spell_trims_once_the_spell_is_long_enough()
    {
        var (policy, decisions) = Run(0, [(1, 50), (2, 150), (3, 250), (4, 250.1), (5, 250.2), (6, 250.3), (7, 250.4)]);

        // Quiet from second 3 on: 3 s of quiet are reached at second 6.
        Assert.Equal([false, false, false, false, false, true, true], decisions);
        Assert.NotNull(policy);
    }

    [Fact]
    public void Steady_load_never_trims()
    {
        var samples = Enumerable.Range(1, 600).Select(s => ((double)s, s * 20.0)).ToArray();

        var (_, decisions) = Run(0, samples);

        Assert.DoesNotContain(true, decisions);
    }

    [Fact]
    public void Quiet_without_a_burst_does_not_trim()
    {
        var samples = Enumerable.Range(1, 600).Select(s => ((double)s, s * 0.1)).ToArray();

        var (_, decisions) = Run(0, samples);

        Assert.DoesNotContain(true, decisions);
    }

    [Fact]
    public void After_a_trim_another_burst_waits_for_the_minimum_interval()
    {
        var policy = new IdleTrimPolicy(Options, 0);
        Feed(policy, [(1, 200), (2, 200.1), (3, 200.2), (4, 200.3), (5, 200.4)]);
        Assert.True(policy.ShouldTrim((long)(200.5 * MB), TimeSpan.FromSeconds(6)));
        policy.Trimmed((long)(200.5 * MB), TimeSpan.FromSeconds(6.5));

        // A second burst at once, then quiet: not before 5 minutes after the first trim.
        var early = Feed(policy, [(10, 400), (11, 400.1), (12, 400.2), (13, 400.3), (14, 400.4), (60, 401)]);
        var late = policy.ShouldTrim(402 * MB, TimeSpan.FromSeconds(6.5 + 300));

        Assert.DoesNotContain(true, early);
        Assert.True(late);
    }

    [Fact]
    public void A_burst_during_the_quiet_spell_starts_it_again()
    {
        var (_, decisions) = Run(0, [(1, 200), (2, 200.1), (3, 200.2), (4, 230), (5, 230.1), (6, 230.2), (7, 230.3)]);

        Assert.Equal([false, false, false, false, false, false, true], decisions);
    }

    private static (IdleTrimPolicy Policy, List<bool> Decisions) Run(long start, (double Second, double AllocatedMb)[] samples)
    {
        var policy = new IdleTrimPolicy(Options, start);
        policy.ShouldTrim(start, TimeSpan.Zero);
        return (policy, Feed(policy, samples));
    }

    private static List<bool> Feed(IdleTrimPolicy policy, (double Second, double AllocatedMb)[] samples) =>
        samples.Select(s => policy.ShouldTrim((long)(s.AllocatedMb * MB), TimeSpan.FromSeconds(s.Second))).ToList();
}
