using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Voting.GraphQL.Server.BananaCakePop;

namespace Voting.GraphQL.Tests.Server.BananaCakePop;

public sealed partial class BananaCakePopEndpointTests
{
    // What Chromium sends when the address bar opens a page.
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    [Fact]
    public async Task A_browser_opening_the_endpoint_is_redirected_to_the_IDE_folder()
    {
        var context = Request("GET", "/graphql", accept: BrowserAccept, query: "?tab=1");

        Assert.True(await BananaCakePopEndpoint.TryServeAsync(context, "/graphql"));

        Assert.Equal(StatusCodes.Status302Found, context.Response.StatusCode);
        Assert.Equal("/graphql/?tab=1", context.Response.Headers.Location.ToString());
        Assert.Equal("Accept", context.Response.Headers.Vary.ToString());
        Assert.Empty(Body(context));
    }

    [Fact]
    public async Task The_redirect_keeps_the_path_base()
    {
        var context = Request("GET", "/graphql", accept: BrowserAccept, pathBase: "/api");

        Assert.True(await BananaCakePopEndpoint.TryServeAsync(context, "/graphql"));

        Assert.Equal("/api/graphql/", context.Response.Headers.Location.ToString());
    }

    [Theory]
    [InlineData("application/graphql-response+json, application/json;q=0.9")]
    [InlineData("application/json")]
    [InlineData("*/*")]
    [InlineData("")]
    [InlineData("application/json, text/html")]
    [InlineData("text/html;q=0.5, application/json")]
    [InlineData("text/html;q=0")]
    public async Task A_GraphQL_client_on_the_endpoint_is_left_to_the_endpoint(string accept)
    {
        var context = Request("GET", "/graphql", accept: accept);

        Assert.False(await BananaCakePopEndpoint.TryServeAsync(context, "/graphql"));

        AssertUntouched(context);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("text/html, application/json;q=0.9")]
    [InlineData(BrowserAccept)]
    public void Text_html_ranked_above_the_GraphQL_types_is_a_browser(string accept) =>
        Assert.True(BananaCakePopEndpoint.PrefersHtml(Request("GET", "/graphql", accept: accept).Request));

    [Theory]
    [InlineData("POST", "/graphql")]
    [InlineData("POST", "/graphql/")]
    [InlineData("PUT", "/graphql/index.html")]
    [InlineData("GET", "/")]
    [InlineData("GET", "/graphqlx")]
    [InlineData("GET", "/graphqlx/index.html")]
    [InlineData("GET", "/other/index.html")]
    public async Task Requests_off_the_IDE_are_declined(string method, string path)
    {
        var context = Request(method, path, accept: BrowserAccept);

        Assert.False(await BananaCakePopEndpoint.TryServeAsync(context, "/graphql"));

        AssertUntouched(context);
    }

    [Theory]
    [InlineData("/graphql/../appsettings.json")]
    [InlineData("/graphql/..%2Fappsettings.json")]
    [InlineData("/graphql/static/../../appsettings.json")]
    [InlineData("/graphql//etc/passwd")]
    [InlineData("/graphql/static/js")]
    [InlineData("/graphql/node_modules/@chillicream/bananacakepop-graphql-ide/index.html")]
    [InlineData("/graphql/package.json")]
    [InlineData("/graphql/index.mjs")]
    [InlineData("/graphql/Index.html")]
    [InlineData("/graphql/Voting.GraphQL.dll")]
    public async Task Nothing_outside_the_package_files_is_served(string path)
    {
        var context = Request("GET", path);

        Assert.False(await BananaCakePopEndpoint.TryServeAsync(context, "/graphql"));

        AssertUntouched(context);
    }

    [Theory]
    [InlineData("/graphql/")]
    [InlineData("/graphql/index.html")]
    [InlineData("/GraphQL/")]
    public async Task The_IDE_folder_serves_the_package_index_unmodified(string path)
    {
        var context = Request("GET", path, accept: BrowserAccept);

        Assert.True(await BananaCakePopEndpoint.TryServeAsync(context, "/graphql"));

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", context.Response.ContentType);
        Assert.Equal("no-cache", context.Response.Headers.CacheControl.ToString());
        Assert.Equal(PackageFile("index.html"), Body(context));
    }

    [Theory]
    [InlineData("/graphql")]
    [InlineData("graphql")]
    [InlineData("/graphql/")]
    public async Task The_GraphQL_path_may_be_written_with_or_without_slashes(string graphqlPath)
    {
        var context = Request("GET", "/graphql/", accept: BrowserAccept);

        Assert.True(await BananaCakePopEndpoint.TryServeAsync(context, graphqlPath));

        Assert.Equal(PackageFile("index.html"), Body(context));
    }

    [Fact]
    public async Task A_root_GraphQL_path_is_refused() =>
        await Assert.ThrowsAsync<ArgumentException>(() => BananaCakePopEndpoint.TryServeAsync(Request("GET", "/"), "/"));

    [Fact]
    public async Task Every_script_and_stylesheet_the_index_names_is_served_with_its_type_and_kept_for_good()
    {
        var index = Encoding.UTF8.GetString(PackageFile("index.html"));
        var names = IndexReference().Matches(index).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(names, name => name.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(names, name => name.EndsWith(".css", StringComparison.Ordinal));

        foreach (var name in names)
        {
            var context = Request("GET", "/graphql/" + name);

            Assert.True(await BananaCakePopEndpoint.TryServeAsync(context, "/graphql"), name);

            Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
            Assert.Equal(
                name.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8",
                context.Response.ContentType);
            Assert.Equal("public, max-age=31536000, immutable", context.Response.Headers.CacheControl.ToString());
            Assert.Equal("nosniff", context.Response.Headers.XContentTypeOptions.ToString());
            Assert.Equal(PackageFile(name), Body(context));
            Assert.Equal(PackageFile(name).Length, context.Response.ContentLength);
        }
    }

    [Theory]
    [InlineData("favicon.ico", "image/x-icon")]
    [InlineData("favicon.svg", "image/svg+xml")]
    [InlineData("manifest.webmanifest", "application/manifest+json; charset=utf-8")]
    [InlineData("LICENSE", "text/plain; charset=utf-8")]
    public async Task Other_package_files_carry_their_content_type(string file, string contentType)
    {
        var context = Request("GET", "/graphql/" + file);

        Assert.True(await BananaCakePopEndpoint.TryServeAsync(context, "/graphql"));

        Assert.Equal(contentType, context.Response.ContentType);
        Assert.Equal("no-cache", context.Response.Headers.CacheControl.ToString());
        Assert.Equal(PackageFile(file), Body(context));
    }

    [Theory]
    [InlineData("", "/graphql")]
    [InlineData("/api", "/api/graphql")]
    public async Task The_configuration_connects_the_IDE_to_this_endpoint_without_telemetry(string pathBase, string endpoint)
    {
        var context = Request("GET", "/graphql/bcp-config.json", pathBase: pathBase);

        Assert.True(await BananaCakePopEndpoint.TryServeAsync(context, "/graphql"));

        Assert.Equal("application/json; charset=utf-8", context.Response.ContentType);
        Assert.Equal("no-store", context.Response.Headers.CacheControl.ToString());
        using var json = JsonDocument.Parse(Body(context));
        var root = json.RootElement;
        Assert.Equal("Voting", root.GetProperty("title").GetString());
        Assert.True(root.GetProperty("useBrowserUrlAsEndpoint").GetBoolean());
        Assert.Equal(endpoint, root.GetProperty("endpoint").GetString());
        Assert.True(root.GetProperty("disableTelemetry").GetBoolean());
        Assert.False(root.TryGetProperty("gaTrackingId", out _));
    }

    [Fact]
    public async Task A_client_that_accepts_gzip_gets_the_script_compressed_under_its_own_etag()
    {
        var name = MainScript();
        var plain = Request("GET", "/graphql/" + name);
        var compressed = Request("GET", "/graphql/" + name, acceptEncoding: "gzip, deflate, br");

        Assert.True(await BananaCakePopEndpoint.TryServeAsync(plain, "/graphql"));
        Assert.True(await BananaCakePopEndpoint.TryServeAsync(compressed, "/graphql"));

        Assert.Equal("gzip", compressed.Response.Headers.ContentEncoding.ToString());
        Assert.Equal("Accept-Encoding", compressed.Response.Headers.Vary.ToString());
        Assert.Equal("Accept-Encoding", plain.Response.Headers.Vary.ToString());
        Assert.True(plain.Response.Headers.ContentEncoding.Count == 0);
        var gzipped = Body(compressed);
        Assert.Equal(gzipped.Length, compressed.Response.ContentLength);
        Assert.True(gzipped.Length < Body(plain).Length / 2);
        Assert.Equal(Body(plain), Gunzip(gzipped));
        Assert.NotEqual(plain.Response.Headers.ETag.ToString(), compressed.Response.Headers.ETag.ToString());
    }

    [Theory]
    [InlineData("gzip;q=0")]
    [InlineData("br")]
    [InlineData("*;q=0")]
    public async Task A_client_that_refuses_gzip_gets_the_plain_bytes(string acceptEncoding)
    {
        var context = Request("GET", "/graphql/" + MainScript(), acceptEncoding: acceptEncoding);

        Assert.True(await BananaCakePopEndpoint.TryServeAsync(context, "/graphql"));

        Assert.True(context.Response.Headers.ContentEncoding.Count == 0);
        Assert.Equal(PackageFile(MainScript()), Body(context));
    }

    [Fact]
    public async Task A_font_already_compressed_is_sent_as_is()
    {
        var font = Asset(name => name.EndsWith(".woff2", StringComparison.Ordinal));
        var context = Request("GET", "/graphql/" + font, acceptEncoding: "gzip");

        Assert.True(await BananaCakePopEndpoint.TryServeAsync(context, "/graphql"));

        Assert.Equal("font/woff2", context.Response.ContentType);
        Assert.True(context.Response.Headers.ContentEncoding.Count == 0);
        Assert.Equal(PackageFile(font), Body(context));
    }

    [Theory]
    [InlineData(false, "")]
    [InlineData(false, "W/")]
    [InlineData(true, "")]
    public async Task A_revalidation_with_the_current_etag_gets_not_modified(bool gzip, string weakPrefix)
    {
        var first = Request("GET", "/graphql/", acceptEncoding: gzip ? "gzip" : "");
        Assert.True(await BananaCakePopEndpoint.TryServeAsync(first, "/graphql"));
        var etag = first.Response.Headers.ETag.ToString();

        var again = Request("GET", "/graphql/", acceptEncoding: gzip ? "gzip" : "");
        again.Request.Headers.IfNoneMatch = $"\"other\", {weakPrefix}{etag}";
        Assert.True(await BananaCakePopEndpoint.TryServeAsync(again, "/graphql"));

        Assert.Equal(StatusCodes.Status304NotModified, again.Response.StatusCode);
        Assert.Equal(etag, again.Response.Headers.ETag.ToString());
        Assert.Empty(Body(again));
    }

    [Fact]
    public async Task A_revalidation_with_another_etag_gets_the_file()
    {
        var context = Request("GET", "/graphql/");
        context.Request.Headers.IfNoneMatch = "\"0123456789abcdef\"";

        Assert.True(await BananaCakePopEndpoint.TryServeAsync(context, "/graphql"));

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal(PackageFile("index.html"), Body(context));
    }

    [Fact]
    public async Task A_revalidation_of_the_plain_file_with_the_gzip_etag_gets_the_file()
    {
        var compressed = Request("GET", "/graphql/" + MainScript(), acceptEncoding: "gzip");
        Assert.True(await BananaCakePopEndpoint.TryServeAsync(compressed, "/graphql"));

        var plain = Request("GET", "/graphql/" + MainScript());
        plain.Request.Headers.IfNoneMatch = compressed.Response.Headers.ETag;
        Assert.True(await BananaCakePopEndpoint.TryServeAsync(plain, "/graphql"));

        Assert.Equal(StatusCodes.Status200OK, plain.Response.StatusCode);
    }

    [Fact]
    public async Task A_HEAD_request_gets_the_headers_without_the_body()
    {
        var context = Request("HEAD", "/graphql/index.html");

        Assert.True(await BananaCakePopEndpoint.TryServeAsync(context, "/graphql"));

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal(PackageFile("index.html").Length, context.Response.ContentLength);
        Assert.Empty(Body(context));
    }

    [Fact]
    public void The_build_embedded_the_package_files_the_browser_needs_and_not_its_Node_entry_points()
    {
        var paths = BananaCakePopAssets.Paths.ToHashSet();

        Assert.Contains("index.html", paths);
        Assert.Contains("LICENSE", paths);
        Assert.Contains(MainScript(), paths);
        Assert.DoesNotContain("package.json", paths);
        Assert.DoesNotContain("index.cjs", paths);
        Assert.DoesNotContain("index.mjs", paths);
        Assert.All(paths, path => Assert.DoesNotContain('\\', path));
    }

    private static DefaultHttpContext Request(
        string method, string path, string accept = "", string acceptEncoding = "", string pathBase = "", string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.PathBase = new PathString(pathBase);
        context.Request.Path = new PathString(path);
        context.Request.QueryString = new QueryString(query);
        if (accept.Length > 0)
        {
            context.Request.Headers.Accept = accept;
        }

        if (acceptEncoding.Length > 0)
        {
            context.Request.Headers.AcceptEncoding = acceptEncoding;
        }

        context.Response.Body = new MemoryStream();
        return context;
    }

    private static byte[] Body(HttpContext context) => ((MemoryStream)context.Response.Body).ToArray();

    private static void AssertUntouched(HttpContext context)
    {
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Empty(context.Response.Headers);
        Assert.Empty(Body(context));
    }

    private static string MainScript() => Asset(name => MainScriptName().IsMatch(name));

    private static string Asset(Func<string, bool> predicate) => Assert.Single(BananaCakePopAssets.Paths, name => predicate(name));

    // The package as npm installed it, read from disk: the test compares what is served with the source.
    private static byte[] PackageFile(string path) => File.ReadAllBytes(Path.Combine(PackageDirectory.Value, path));

    private static readonly Lazy<string> PackageDirectory = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Voting.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine(
            directory.FullName, "src", "GraphQL", "Server", "BananaCakePop", "ide", "node_modules", "@chillicream", "bananacakepop-graphql-ide");
    });

    private static byte[] Gunzip(byte[] gzipped)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(gzipped), CompressionMode.Decompress))
        {
            gzip.CopyTo(output);
        }

        return output.ToArray();
    }

    [GeneratedRegex(@"(?:src|href)=""(static/[^""]+)""")]
    private static partial Regex IndexReference();

    [GeneratedRegex(@"^static/js/main\.[0-9a-f]+\.js$")]
    private static partial Regex MainScriptName();
}
