namespace Voting.GraphQL.Validation.Limits;

/// <summary>
/// Counting with fragments expanded can grow exponentially with the document (a fragment spreading
/// another twice, twenty times over, is a million fields), so counts stop at <see cref="long.MaxValue"/>
/// instead of wrapping round to a small number.
/// </summary>
internal static class SaturatingCount
{
    public static long Add(long first, long second) =>
        first > long.MaxValue - second ? long.MaxValue : first + second;
}
