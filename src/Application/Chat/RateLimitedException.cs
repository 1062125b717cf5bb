using System.Globalization;
using Voting.Domain.Common;

namespace Voting.Application.Chat;

/// <summary>RATE_LIMITED, with how long to wait; the GraphQL boundary gives it as <c>extensions.retryAfter</c> (whole seconds).</summary>
public sealed class RateLimitedException(TimeSpan retryAfter)
    : DomainException(ErrorCodes.RateLimited, $"You are sending too fast; try again in {Seconds(retryAfter).ToString(CultureInfo.InvariantCulture)} seconds.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>The wait in whole seconds, at least one.</summary>
    public int RetryAfterSeconds => Seconds(RetryAfter);

    private static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
