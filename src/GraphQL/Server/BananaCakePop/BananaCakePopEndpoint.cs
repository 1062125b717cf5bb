using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Voting.GraphQL.Server.BananaCakePop;

/// <summary>
/// Serves the Banana Cake Pop GraphQL IDE beside a GraphQL endpoint: a browser that opens the endpoint
/// gets the IDE, connected to that endpoint, while every other request is left to the endpoint.
/// </summary>
/// <remarks>
/// The package's index.html names its scripts and styles relative to its own folder, so the IDE lives at
/// <c>&lt;graphql path&gt;/</c>: a browser's GET on <c>&lt;graphql path&gt;</c> is redirected there, and
/// <c>&lt;graphql path&gt;/&lt;file&gt;</c> serves the package's files, which are embedded in this assembly
/// (ADR 0012).
/// </remarks>
public static class BananaCakePopEndpoint
{
    private const string ImmutableCacheControl = "public, max-age=31536000, immutable";

    // Everything else has a fixed URL across releases: the browser revalidates it with its ETag.
    private const string RevalidateCacheControl = "no-cache";

    /// <summary>
    /// Answers the request when it is for the IDE and returns true; returns false, having written
    /// nothing, for any other request (a GraphQL request on the same path among them).
    /// </summary>
    /// <param name="context">The request, whose <see cref="HttpRequest.Path"/> is matched below its path base.</param>
    /// <param name="graphqlPath">The path of the GraphQL endpoint, such as <c>/graphql</c>.</param>
    /// <returns>True when the response was written.</returns>
    public static Task<bool> TryServeAsync(HttpContext context, string graphqlPath)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(graphqlPath);

        var trimmed = graphqlPath.Trim('/');
        if (trimmed.Length == 0)
        {
            // The IDE's files need a folder of their own beside the endpoint.
            throw new ArgumentException("The GraphQL path must not be the root path.", nameof(graphqlPath));
        }

        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return Task.FromResult(false);
        }

        var endpoint = new PathString("/" + trimmed);
        if (request.Path.Equals(endpoint, StringComparison.OrdinalIgnoreCase))
        {
            if (!PrefersHtml(request))
            {
                return Task.FromResult(false);
            }

            RedirectToFolder(context, endpoint.Add("/"));
            return Task.FromResult(true);
        }

        if (!request.Path.StartsWithSegments(endpoint, StringComparison.OrdinalIgnoreCase, out var rest) || !rest.HasValue)
        {
            return Task.FromResult(false);
        }

        // rest is "/" for the folder itself and "/<file>" below it.
        var file = rest.Value![1..];
        if (file.Length == 0)
        {
            file = BananaCakePopAssets.IndexPath;
        }

        if (file == BananaCakePopConfiguration.FileName)
        {
            return SendConfigurationAsync(context, endpoint);
        }

        var asset = BananaCakePopAssets.Find(file);
        return asset is null ? Task.FromResult(false) : SendAssetAsync(context, asset);
    }

    /// <summary>
    /// True when the Accept header names text/html and ranks it above every GraphQL response type it
    /// names: a browser navigating, not a GraphQL client (whose Accept never names text/html, and whose
    /// <c>*/*</c> counts for nothing here).
    /// </summary>
    internal static bool PrefersHtml(HttpRequest request)
    {
        var html = 0.0;
        var graphql = 0.0;
        foreach (var range in request.GetTypedHeaders().Accept)
        {
            var quality = range.Quality ?? 1.0;
            if (range.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase))
            {
                html = Math.Max(html, quality);
            }
            else if (range.MediaType.Equals("application/graphql-response+json", StringComparison.OrdinalIgnoreCase)
                || range.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            {
                graphql = Math.Max(graphql, quality);
            }
        }

        return html > 0 && html > graphql;
    }

    private static void RedirectToFolder(HttpContext context, PathString folder)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status302Found;
        response.Headers.Location = context.Request.PathBase.Add(folder).ToUriComponent() + context.Request.QueryString.ToUriComponent();
        // The same URL answers a GraphQL client differently: no cache may hand this redirect to one.
        response.Headers.Vary = HeaderNames.Accept;
        response.Headers.CacheControl = "no-store";
    }

    private static async Task<bool> SendConfigurationAsync(HttpContext context, PathString endpoint)
    {
        var body = BananaCakePopConfiguration.Create(context.Request.PathBase.Add(endpoint).ToUriComponent());
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        // It depends on the path base the request came through, so it is made per request.
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }

        return true;
    }

    private static async Task<bool> SendAssetAsync(HttpContext context, BananaCakePopAsset asset)
    {
        var request = context.Request;
        var response = context.Response;
        var gzipped = AcceptsGzip(request) ? asset.Gzipped : null;
        var etag = gzipped is null ? asset.ETag : asset.GzipETag;

        response.Headers.ETag = etag;
        response.Headers.CacheControl = asset.Immutable ? ImmutableCacheControl : RevalidateCacheControl;
        response.Headers.XContentTypeOptions = "nosniff";
        if (asset.Gzipped is not null)
        {
            response.Headers.Vary = HeaderNames.AcceptEncoding;
        }

        if (Matches(request.Headers.IfNoneMatch, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return true;
        }

        var body = gzipped ?? asset.Content;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = asset.ContentType;
        response.ContentLength = body.Length;
        if (gzipped is not null)
        {
            response.Headers.ContentEncoding = "gzip";
        }

        if (!HttpMethods.IsHead(request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }

        return true;
    }

    private static bool AcceptsGzip(HttpRequest request)
    {
        double? gzip = null;
        double? any = null;
        foreach (var coding in request.GetTypedHeaders().AcceptEncoding)
        {
            var quality = coding.Quality ?? 1.0;
            if (coding.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase))
            {
                gzip = quality;
            }
            else if (coding.Value.Equals("*", StringComparison.Ordinal))
            {
                any = quality;
            }
        }

        return (gzip ?? any ?? 0) > 0;
    }

    // If-None-Match compares weakly (RFC 9110, 13.1.2): W/"x" matches "x".
    private static bool Matches(StringValues ifNoneMatch, string etag)
    {
        if (StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            return false;
        }

        if (!EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(etag);
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }
}
