using System.IO.Compression;
using System.Security.Cryptography;

namespace Voting.GraphQL.Server.BananaCakePop;

/// <summary>
/// One file of the IDE package as the server sends it: its bytes, content type, cache policy and a
/// strong entity tag per representation, with the gzip representation made once, on first demand.
/// </summary>
internal sealed class BananaCakePopAsset
{
    // Below this size a gzip header and a decompression cost more than the bytes they save.
    private const int SmallestWorthCompressing = 1024;

    private readonly Lazy<byte[]?> _gzipped;

    public BananaCakePopAsset(string path, string contentType, byte[] content, bool immutable)
    {
        Path = path;
        ContentType = contentType;
        Content = content;
        Immutable = immutable;
        var hash = Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 16));
        ETag = $"\"{hash}\"";
        GzipETag = $"\"{hash}-gzip\"";
        _gzipped = new Lazy<byte[]?>(() => Compress(content), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The path inside the package, with forward slashes (<c>static/js/main.0349187e.js</c>).</summary>
    public string Path { get; }

    public string ContentType { get; }

    public byte[] Content { get; }

    /// <summary>
    /// True for files whose names carry a hash of their content (the bundler's <c>static/</c> folder):
    /// a new release gives them new names, so a browser may keep them for good.
    /// </summary>
    public bool Immutable { get; }

    public string ETag { get; }

    public string GzipETag { get; }

    /// <summary>The gzip representation, or null when compressing does not make the file worth smaller.</summary>
    public byte[]? Gzipped => _gzipped.Value;

    private static byte[]? Compress(byte[] content)
    {
        if (content.Length < SmallestWorthCompressing)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        // Fonts in woff2 and images are compressed already; keep gzip only where it saves an eighth.
        return buffer.Length <= content.Length - (content.Length / 8) ? buffer.ToArray() : null;
    }
}
