using System.Globalization;
using Voting.Application.Elections;
using Voting.Application.Elections.LiveTally;
using Voting.Domain.Elections;
using Voting.Infrastructure.Redis;

namespace Voting.Infrastructure.Realtime;

/// <summary>
/// Live tallies in Redis (ADR 0032): one hash per election, <c>{prefix}tally:{electionId}</c>, with a field
/// <c>c:{candidateId}</c> per candidate and <c>applied</c>, the highest ballot sequence counted. Both scripts
/// run atomically in Redis, so an apply and a rebuild never interleave.
/// </summary>
public sealed class RedisLiveTallyStore(RedisClient redis, RedisTopicLogOptions options) : ILiveTallyStore
{
    private const string CandidatePrefix = "c:";
    private const string AppliedField = "applied";

    // KEYS: tally. ARGV: first sequence, expiry (s), k, the k distinct candidate fields, then for each ballot in
    // sequence order the (1-based) place of its candidate among those fields. Returns 0 applied, 1 duplicate,
    // 2 gap, 3 missing. Ballots at or below 'applied' are skipped, so only ballots applied + 1 onwards count; the
    // hash is never created here, only by a rebuild.
    private static readonly RedisScript Apply = new("""
        local applied = redis.call('HGET', KEYS[1], 'applied')
        if not applied then return 3 end
        applied = tonumber(applied)
        local first = tonumber(ARGV[1])
        local k = tonumber(ARGV[3])
        local n = #ARGV - 3 - k
        local last = first + n - 1
        if last <= applied then return 1 end
        if first > applied + 1 then return 2 end
        local counts = {}
        for i = applied - first + 2, n do
          local c = tonumber(ARGV[3 + k + i])
          counts[c] = (counts[c] or 0) + 1
        end
        for c, votes in pairs(counts) do
          redis.call('HINCRBY', KEYS[1], ARGV[3 + c], votes)
        end
        redis.call('HSET', KEYS[1], 'applied', last)
        redis.call('EXPIRE', KEYS[1], ARGV[2])
        return 0
        """);

    // KEYS: tally. ARGV: version, expiry (s), then candidate field and count pairs. Returns 1 when written.
    // A compare-and-set: a tally that already counts further than this database read is kept.
    private static readonly RedisScript Replace = new("""
        local applied = redis.call('HGET', KEYS[1], 'applied')
        if applied and tonumber(applied) > tonumber(ARGV[1]) then return 0 end
        redis.call('DEL', KEYS[1])
        redis.call('HSET', KEYS[1], 'applied', ARGV[1])
        for i = 3, #ARGV, 2 do
          redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
        end
        redis.call('EXPIRE', KEYS[1], ARGV[2])
        return 1
        """);

    // KEYS: tally. ARGV: from version, new version, expiry (s), then candidate field and count pairs. Returns 1 when added.
    private static readonly RedisScript Add = new("""
        local applied = redis.call('HGET', KEYS[1], 'applied')
        if not applied or tonumber(applied) ~= tonumber(ARGV[1]) then return 0 end
        for i = 4, #ARGV, 2 do
          redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1])
        end
        redis.call('HSET', KEYS[1], 'applied', ARGV[2])
        redis.call('EXPIRE', KEYS[1], ARGV[3])
        return 1
        """);

    private readonly string _prefix = options.KeyPrefix;
    private readonly long _expirySeconds = (long)options.IdleExpiry.TotalSeconds;

    public async Task<LiveTallyApplyResult> ApplyAsync(
        ElectionId electionId, long firstSequence, IReadOnlyList<CandidateId> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            throw new ArgumentException("A batch holds at least one ballot.", nameof(candidates));
        }

        // Each candidate's field once, then a small number per ballot: a batch of hundreds stays a short command.
        var places = new Dictionary<CandidateId, int>();
        var fields = new List<RedisValue>();
        var choices = new List<RedisValue>(candidates.Count);
        foreach (var candidate in candidates)
        {
            if (!places.TryGetValue(candidate, out var place))
            {
                place = places.Count + 1;
                places.Add(candidate, place);
                fields.Add(CandidateField(candidate));
            }

            choices.Add(place);
        }

        List<RedisValue> arguments = [firstSequence, _expirySeconds, fields.Count, .. fields, .. choices];
        var reply = await redis.EvalAsync(Apply, [Key(electionId)], arguments, cancellationToken).ConfigureAwait(false);
        return reply.AsInt64() switch
        {
            0 => LiveTallyApplyResult.Applied,
            1 => LiveTallyApplyResult.Duplicate,
            2 => LiveTallyApplyResult.Gap,
            _ => LiveTallyApplyResult.Missing,
        };
    }

    public async Task<bool> AddAsync(ElectionId electionId, long fromVersion, BallotCounts ballots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ballots);
        var arguments = new List<RedisValue>(3 + (2 * ballots.PerCandidate.Count)) { fromVersion, ballots.LastSequence, _expirySeconds };
        AddCounts(arguments, ballots);
        var reply = await redis.EvalAsync(Add, [Key(electionId)], arguments, cancellationToken).ConfigureAwait(false);
        return reply.AsInt64() == 1;
    }

    public async Task<BallotCounts?> ReadAsync(ElectionId electionId, CancellationToken cancellationToken)
    {
        var fields = await redis.HashGetAllAsync(Key(electionId), cancellationToken).ConfigureAwait(false);
        if (!fields.TryGetValue(AppliedField, out var applied))
        {
            return null;
        }

        var perCandidate = new Dictionary<CandidateId, long>();
        foreach (var (field, value) in fields)
        {
            if (field.StartsWith(CandidatePrefix, StringComparison.Ordinal) && Guid.TryParse(field.AsSpan(CandidatePrefix.Length), out var candidate))
            {
                perCandidate[new CandidateId(candidate)] = value.ToInt64();
            }
        }

        return new BallotCounts(perCandidate, applied.ToInt64());
    }

    public async Task<bool> ReplaceAsync(ElectionId electionId, BallotCounts counts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var arguments = new List<RedisValue>(2 + (2 * counts.PerCandidate.Count)) { counts.LastSequence, _expirySeconds };
        AddCounts(arguments, counts);

        var reply = await redis.EvalAsync(Replace, [Key(electionId)], arguments, cancellationToken).ConfigureAwait(false);
        return reply.AsInt64() == 1;
    }

    private static void AddCounts(List<RedisValue> arguments, BallotCounts counts)
    {
        foreach (var (candidate, votes) in counts.PerCandidate)
        {
            arguments.Add(CandidateField(candidate));
            arguments.Add(votes);
        }
    }

    private static string CandidateField(CandidateId candidate) => CandidatePrefix + candidate.Value.ToString("N", CultureInfo.InvariantCulture);

    private string Key(ElectionId electionId) => $"{_prefix}tally:{electionId.Value:N}";
}
