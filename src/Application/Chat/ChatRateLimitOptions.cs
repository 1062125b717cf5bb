using System.ComponentModel.DataAnnotations;

namespace Voting.Application.Chat;

/// <summary><c>Chat:RateLimit</c>: at most <see cref="Messages"/> messages per user and room in any <see cref="Window"/>.</summary>
public sealed class ChatRateLimitOptions
{
    public const string SectionName = "Chat:RateLimit";

    [Range(1, 10_000)]
    public int Messages { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(5);
}
