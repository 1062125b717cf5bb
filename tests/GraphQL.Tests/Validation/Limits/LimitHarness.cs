using Voting.GraphQL.Errors;
using Voting.GraphQL.Language;
using Voting.GraphQL.Types;
using Voting.GraphQL.Validation;

namespace Voting.GraphQL.Tests.Validation.Limits;

/// <summary>
/// Runs limit rules over a document and describes the errors as "message @ line:column" (the shape of
/// <see cref="ValidationHarness"/>, without its graphql-js oracle log: graphql-js has no such rules).
/// </summary>
internal static class LimitHarness
{
    public static IReadOnlyList<GraphQLError> Validate(string query, Schema? schema, params IReadOnlyList<Func<ValidationContext, ValidationRule>> rules) =>
        DocumentValidator.Validate(schema ?? TestSchema.Instance, Parser.Parse(query), new ValidationOptions { Rules = rules });

    public static string[] Describe(IEnumerable<GraphQLError> errors) =>
        [.. errors.Select(e => e.Message + " @ " + string.Join(", ", e.Locations.Select(l => $"{l.Line}:{l.Column}")))];

    public static string[] Messages(string query, params IReadOnlyList<Func<ValidationContext, ValidationRule>> rules) =>
        Describe(Validate(query, null, rules));

    /// <summary>A document from the repository's benchmarks/documents folder.</summary>
    public static string BenchmarkDocument(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "benchmarks", "documents", name);
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        throw new FileNotFoundException($"benchmarks/documents/{name} is not above {AppContext.BaseDirectory}.");
    }
}
