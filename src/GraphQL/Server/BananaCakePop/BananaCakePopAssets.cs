using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.StaticFiles;

namespace Voting.GraphQL.Server.BananaCakePop;

/// <summary>
/// The files of the IDE package that the build embedded in this assembly (BananaCakePop.targets names
/// each "BananaCakePop/&lt;path in the package&gt;"). A request can only ever reach one of these names,
/// looked up whole, so no path a client sends can lead anywhere else.
/// </summary>
internal static class BananaCakePopAssets
{
    internal const string ResourcePrefix = "BananaCakePop/";

    internal const string IndexPath = "index.html";

    private static readonly Assembly Assembly = typeof(BananaCakePopAssets).Assembly;

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    // Resource names are known at start; each file's bytes are read on its first request only.
    private static readonly FrozenDictionary<string, Lazy<BananaCakePopAsset>> Assets = Assembly
        .GetManifestResourceNames()
        .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .Select(name => name[ResourcePrefix.Length..])
        .ToFrozenDictionary(
            path => path,
            path => new Lazy<BananaCakePopAsset>(() => Load(path), LazyThreadSafetyMode.ExecutionAndPublication),
            StringComparer.Ordinal);

    /// <summary>Every path the package holds, for diagnostics and tests.</summary>
    public static IEnumerable<string> Paths => Assets.Keys;

    public static BananaCakePopAsset Index => Find(IndexPath)
        ?? throw new InvalidOperationException(
            "Voting.GraphQL was built without the Banana Cake Pop IDE (no embedded index.html); see Server/BananaCakePop/BananaCakePop.targets.");

    /// <summary>The asset at <paramref name="path"/> (relative to the package, forward slashes), or null.</summary>
    public static BananaCakePopAsset? Find(string path) =>
        Assets.TryGetValue(path, out var asset) ? asset.Value : null;

    internal static string ContentTypeOf(string path)
    {
        if (!ContentTypes.TryGetContentType(path, out var type))
        {
            // The package's only files without a known extension are its LICENSE texts.
            type = "text/plain";
        }

        return type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("json", StringComparison.Ordinal)
            ? type + "; charset=utf-8"
            : type;
    }

    private static BananaCakePopAsset Load(string path)
    {
        using var stream = Assembly.GetManifestResourceStream(ResourcePrefix + path)
            ?? throw new InvalidOperationException($"The embedded resource {ResourcePrefix}{path} is missing.");
        var content = new byte[stream.Length];
        stream.ReadExactly(content);
        return new BananaCakePopAsset(path, ContentTypeOf(path), content, immutable: path.StartsWith("static/", StringComparison.Ordinal));
    }
}
