using FluentValidation;

namespace Voting.Application.Common;

internal static class ValidatorExtensions
{
    /// <summary>Validates <paramref name="request"/> and throws <see cref="ValidationFailedException"/> listing every failure.</summary>
    public static async Task EnsureValidAsync<T>(this IValidator<T> validator, T request, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
        if (!result.IsValid)
        {
            throw new ValidationFailedException(result.Errors
                .GroupBy(e => e.PropertyName, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray(), StringComparer.Ordinal));
        }
    }
}
