namespace Voting.GraphQL.Tests.Execution.Differential;

/// <summary>
/// The hash and the argument printer the differential's data derive from give what their JavaScript twins in
/// tests/oracle/execute-resolvers.mjs give (values taken from node), so a difference the differential reports is
/// the executor's and not the two resolver sets drifting apart.
/// </summary>
public sealed class ExecutionResolversTests
{
    [Theory]
    [InlineData("name", 3373707)]
    [InlineData("friend3", -600094379)]
    [InlineData("", 0)]
    public void Salt_is_the_string_hash_of_saltOf(string text, int expected) =>
        Assert.Equal(expected, ExecutionResolvers.Salt(text));

    [Theory]
    [InlineData(0, 0, 9611)]
    [InlineData(1, 3373707, 57495)]
    [InlineData(99999, -123456789, 40543)]
    public void Mix_wraps_32_bit_arithmetic_as_Math_imul(int seed, int salt, int expected) =>
        Assert.Equal(expected, ExecutionResolvers.Mix(seed, salt));

    [Fact]
    public void Mix_of_a_negative_seed_matches_javascript() =>
        Assert.Equal(67213, ExecutionResolvers.Mix(-5, ExecutionResolvers.Salt("related0")));

    [Fact]
    public void Canon_sorts_keys_and_prints_numbers_as_javascript()
    {
        var value = new Dictionary<string, object?>
        {
            ["b"] = new List<object?> { 1, 1.5, null },
            ["a"] = "x",
            ["c"] = new Dictionary<string, object?> { ["z"] = true, ["y"] = "RED" },
        };

        Assert.Equal("{a:\"x\",b:[1,1.5,null],c:{y:\"RED\",z:true}}", ExecutionResolvers.Canon(value));
    }
}
