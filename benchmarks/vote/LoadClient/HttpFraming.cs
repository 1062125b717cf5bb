namespace Voting.Benchmarks.Votes;

/// <summary>How an HTTP/1.1 answer said where its body ends (RFC 9112, section 6.3).</summary>
internal enum HttpFraming
{
    /// <summary><c>Transfer-Encoding: chunked</c>.</summary>
    Chunked,

    /// <summary><c>Content-Length</c>, or no body at all (204, 304).</summary>
    Length,

    /// <summary>The end of the connection.</summary>
    Close,
}
