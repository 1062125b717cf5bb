namespace Voting.GraphQL.Server.ServerSentEvents;

/// <summary>The GraphQL over SSE transport's settings (<see cref="ServerSentEventsServerBuilderExtensions.AddServerSentEvents"/>).</summary>
public sealed class ServerSentEventsOptions
{
    /// <summary>
    /// When set, a comment line (<c>:</c>) is sent this often while a stream is open, so proxies do not close an idle
    /// subscription; null sends none.
    /// </summary>
    public TimeSpan? KeepAliveInterval { get; set; }
}
