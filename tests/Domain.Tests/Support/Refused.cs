using Voting.Domain.Common;

namespace Voting.Domain.Tests.Support;

internal static class Refused
{
    /// <summary>Asserts that <paramref name="action"/> is refused with <paramref name="code"/>.</summary>
    public static DomainException With(string code, Action action)
    {
        var refusal = Assert.Throws<DomainException>(action);
        Assert.Equal(code, refusal.Code);
        return refusal;
    }

    /// <summary>Asserts that <paramref name="action"/> is refused with <paramref name="code"/> and leaves <paramref name="subject"/> as it was.</summary>
    public static DomainException WithoutChange(string code, object subject, Action action)
    {
        var before = State.Of(subject);
        var refusal = With(code, action);
        Assert.Equal(before, State.Of(subject));
        return refusal;
    }
}
