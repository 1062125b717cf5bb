using Voting.Application.Common;
using Voting.Domain.Common;
using Xunit;

namespace Voting.Application.Tests.TestSupport;

internal static class Refusals
{
    /// <summary>Asserts that <paramref name="act"/> is refused with <paramref name="code"/>.</summary>
    public static async Task<DomainException> RefusedAsync(string code, Func<Task> act)
    {
        var refusal = await Assert.ThrowsAnyAsync<DomainException>(act);
        Assert.Equal(code, refusal.Code);
        return refusal;
    }

    /// <summary>Asserts that validation refused <paramref name="act"/>, with an error for each of <paramref name="fields"/>.</summary>
    public static async Task<ValidationFailedException> InvalidAsync(Func<Task> act, params string[] fields)
    {
        var refusal = await Assert.ThrowsAsync<ValidationFailedException>(act);
        Assert.Equal(ErrorCodes.Validation, refusal.Code);
        foreach (var field in fields)
        {
            Assert.True(refusal.Errors.ContainsKey(field), $"Expected an error for '{field}'; got [{string.Join(", ", refusal.Errors.Keys)}].");
            Assert.NotEmpty(refusal.Errors[field]);
        }

        return refusal;
    }
}
