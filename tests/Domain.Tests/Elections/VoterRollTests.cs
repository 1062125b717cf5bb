using System.Security.Cryptography;
using System.Text;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Tests.Support;
using Voting.Domain.Users;

namespace Voting.Domain.Tests.Elections;

public sealed class VoterRollTests
{
    private static readonly CitizenId A = CitizenIds.From12("110170012345");
    private static readonly CitizenId B = CitizenIds.From12("310050067890");
    private static readonly CitizenId C = CitizenIds.From12("570090011111");

    [Fact]
    public void The_roll_holds_the_distinct_ids_in_ordinal_order()
    {
        var roll = VoterRoll.Create([C, A, B, A, C]);

        Assert.Equal([A, B, C], roll.CitizenIds);
        Assert.Equal(3, roll.Count);
    }

    [Fact]
    public void The_hash_is_sha256_over_the_sorted_distinct_ids_each_followed_by_a_line_feed()
    {
        var roll = VoterRoll.Create([C, A, B]);

        Assert.Equal(ExpectedHash(A, B, C), roll.Hash);
        Assert.Matches("^[0-9a-f]{64}$", roll.Hash);
    }

    [Fact]
    public void The_hash_of_a_single_id_is_sha256_of_that_id_and_a_line_feed()
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(A.Value + "\n")));

        Assert.Equal(expected, VoterRoll.Create([A]).Hash);
    }

    [Fact]
    public void Neither_duplicates_nor_order_change_the_hash()
    {
        var hash = VoterRoll.Create([A, B, C]).Hash;

        Assert.Equal(hash, VoterRoll.Create([C, B, A]).Hash);
        Assert.Equal(hash, VoterRoll.Create([B, A, C, A, B, C, C]).Hash);
    }

    [Fact]
    public void Separators_typed_in_an_id_do_not_change_the_hash()
    {
        var typed = CitizenId.Parse($"{A.Value[0]}-{A.Value[1..5]}-{A.Value[5..10]}-{A.Value[10..12]}-{A.Value[12]}");

        Assert.Equal(VoterRoll.Create([A, B]).Hash, VoterRoll.Create([typed, B]).Hash);
    }

    [Fact]
    public void Different_rolls_have_different_hashes()
    {
        Assert.NotEqual(VoterRoll.Create([A, B]).Hash, VoterRoll.Create([A, C]).Hash);
        Assert.NotEqual(VoterRoll.Create([A, B]).Hash, VoterRoll.Create([A, B, C]).Hash);
    }

    [Fact]
    public void A_large_roll_hashes_like_the_independent_computation()
    {
        var ids = Enumerable.Range(0, 5000).Select(_ => CitizenIds.Unique()).ToList();
        var random = new Random(5000);
        var shuffled = ids.OrderBy(_ => random.Next()).ToList();

        var roll = VoterRoll.Create(shuffled.Concat(shuffled.Take(100)));

        Assert.Equal(5000, roll.Count);
        Assert.Equal(ExpectedHash([.. ids]), roll.Hash);
    }

    [Fact]
    public void An_empty_roll_is_refused()
    {
        Refused.With(ErrorCodes.Validation, () => VoterRoll.Create([]));
    }

    [Fact]
    public void A_roll_of_only_default_ids_is_refused()
    {
        Refused.With(ErrorCodes.Validation, () => VoterRoll.Create([default, default]));
    }

    [Fact]
    public void A_default_id_is_refused_as_a_caller_error()
    {
        Refused.With(ErrorCodes.Validation, () => VoterRoll.Create([default, A]));
    }

    [Fact]
    public void No_list_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => VoterRoll.Create(null!));
    }

    /// <summary>The published recipe, written out independently of the domain.</summary>
    private static string ExpectedHash(params CitizenId[] ids)
    {
        var text = new StringBuilder();
        foreach (var id in ids.Select(i => i.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            text.Append(id).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(text.ToString())));
    }
}
