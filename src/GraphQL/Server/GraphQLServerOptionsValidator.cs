using Microsoft.Extensions.Options;

namespace Voting.GraphQL.Server;

/// <summary>Refuses options that would turn a limit off or make a cache useless, when the host starts.</summary>
internal sealed class GraphQLServerOptionsValidator : IValidateOptions<GraphQLServerOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphQLServerOptions options)
    {
        var failures = new List<string>();
        Positive(options.MaxRequestBytes, nameof(options.MaxRequestBytes));
        Positive(options.MaxTokens, nameof(options.MaxTokens));
        Positive(options.MaxParserDepth, nameof(options.MaxParserDepth));
        Positive(options.MaxValidationErrors, nameof(options.MaxValidationErrors));
        Positive(options.DocumentCacheSize, nameof(options.DocumentCacheSize));
        Positive(options.PersistedQueryCacheSize, nameof(options.PersistedQueryCacheSize));
        if (options.ExecutionTimeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            failures.Add($"GraphQL:{nameof(options.ExecutionTimeout)} must be positive (or unset for no limit).");
        }

        if (options.AdditionalRules is null || options.AdditionalRules.Any(rule => rule is null))
        {
            failures.Add($"GraphQL:{nameof(options.AdditionalRules)} must be a list of rule factories.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Positive(int value, string key)
        {
            if (value <= 0)
            {
                failures.Add($"GraphQL:{key} must be positive, not {value}.");
            }
        }
    }
}
