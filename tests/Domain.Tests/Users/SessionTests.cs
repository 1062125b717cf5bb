using Voting.Domain.Common;
using Voting.Domain.Tests.Support;
using Voting.Domain.Users;

namespace Voting.Domain.Tests.Users;

public sealed class SessionTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);
    private static readonly string First = new('a', 64);
    private static readonly string Second = new('b', 64);
    private static readonly string Third = new('c', 64);
    private readonly FakeClock _clock = new(Start);

    [Fact]
    public void A_new_session_holds_the_token_hash_and_expires_after_its_lifetime()
    {
        var session = Session.Start(SessionId.New(), UserId.New(), First, Lifetime, "Mozilla/5.0", "127.0.0.1", _clock);

        Assert.Equal(First, session.TokenHash);
        Assert.Equal(0, session.Generation);
        Assert.Equal(Start + Lifetime, session.ExpiresAt);
        Assert.True(session.IsActive(Start));
        Assert.False(session.IsActive(Start + Lifetime));
    }

    [Fact]
    public void Rotating_with_the_current_token_replaces_it_and_slides_the_expiry()
    {
        var session = Session.Start(SessionId.New(), UserId.New(), First, Lifetime, null, null, _clock);
        _clock.UtcNow = Start.AddDays(1);

        Assert.True(session.Rotate(First, Second, Lifetime, _clock));

        Assert.Equal(Second, session.TokenHash);
        Assert.Equal(1, session.Generation);
        Assert.Equal(Start.AddDays(1) + Lifetime, session.ExpiresAt);
    }

    [Fact]
    public void Presenting_a_spent_token_ends_the_session_for_every_holder()
    {
        var session = Session.Start(SessionId.New(), UserId.New(), First, Lifetime, null, null, _clock);
        session.Rotate(First, Second, Lifetime, _clock);

        Assert.False(session.Rotate(First, Third, Lifetime, _clock));

        Assert.Equal(SessionEnd.TokenReused, session.EndReason);
        Assert.False(session.IsActive(_clock.UtcNow));
        Refused.With(ErrorCodes.InvalidRefreshToken, () => session.Rotate(Second, Third, Lifetime, _clock));
    }

    [Fact]
    public void An_expired_session_refuses_to_rotate_and_stays_as_it_was()
    {
        var session = Session.Start(SessionId.New(), UserId.New(), First, Lifetime, null, null, _clock);
        _clock.UtcNow = Start + Lifetime;

        Refused.WithoutChange(ErrorCodes.InvalidRefreshToken, session, () => session.Rotate(First, Second, Lifetime, _clock));
    }

    [Fact]
    public void Logging_out_ends_the_session_once()
    {
        var session = Session.Start(SessionId.New(), UserId.New(), First, Lifetime, null, null, _clock);
        session.LogOut(_clock);
        var endedAt = session.EndedAt;
        _clock.UtcNow = Start.AddHours(1);

        session.LogOut(_clock);

        Assert.Equal(SessionEnd.LoggedOut, session.EndReason);
        Assert.Equal(endedAt, session.EndedAt);
        Refused.With(ErrorCodes.InvalidRefreshToken, () => session.Rotate(First, Second, Lifetime, _clock));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    [InlineData("abc")]
    public void A_token_hash_must_be_64_lowercase_hex_digits(string hash)
    {
        Refused.With(ErrorCodes.Validation, () => Session.Start(SessionId.New(), UserId.New(), hash, Lifetime, null, null, _clock));
    }

    [Fact]
    public void User_agent_and_address_are_clipped_and_lose_control_characters()
    {
        var session = Session.Start(SessionId.New(), UserId.New(), First, Lifetime, "agent\u0000\n" + new string('x', 400), " 10.0.0.1 ", _clock);

        Assert.Equal(Session.MaxUserAgentLength, session.UserAgent.Length);
        Assert.StartsWith("agentxxx", session.UserAgent, StringComparison.Ordinal);
        Assert.Equal("10.0.0.1", session.Address);
    }
}
