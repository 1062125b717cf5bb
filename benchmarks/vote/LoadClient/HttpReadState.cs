namespace Voting.Benchmarks.Votes;

/// <summary>Whether the bytes received so far hold a whole HTTP answer (<see cref="HttpAnswer.TryRead"/>).</summary>
internal enum HttpReadState
{
    /// <summary>Not yet: more bytes must come.</summary>
    Incomplete,

    /// <summary>A whole answer.</summary>
    Complete,

    /// <summary>Bytes that are not an HTTP/1.1 answer, or one too large to be castVote's.</summary>
    Malformed,
}
