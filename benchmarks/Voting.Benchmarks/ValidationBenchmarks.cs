using BenchmarkDotNet.Attributes;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Language;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;
using Voting.GraphQL.Validation;

namespace Voting.Benchmarks;

/// <summary>
/// Validating the introspection query and the 2 KB dashboard query against benchmarks/documents/schema.graphql,
/// alone (an already parsed document) and together with parsing, as graphql-js's bench.mjs measures them.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private Schema _schema = null!;
    private byte[] _introspectionText = [];
    private byte[] _electionText = [];
    private DocumentNode _introspection = null!;
    private DocumentNode _election = null!;

    [GlobalSetup]
    public void Setup()
    {
        _schema = SchemaBuilder.FromSdl(Documents.Text("schema")).Create();
        _introspectionText = Documents.Utf8("introspection");
        _electionText = Documents.Utf8("election");
        _introspection = Parser.Parse(_introspectionText);
        _election = Parser.Parse(_electionText);
        foreach (var document in new[] { _introspection, _election })
        {
            if (DocumentValidator.Validate(_schema, document).Count != 0)
            {
                throw new InvalidOperationException("The benchmark documents must be valid against schema.graphql.");
            }
        }
    }

    [Benchmark]
    public IReadOnlyList<GraphQLError> ValidateIntrospection() => DocumentValidator.Validate(_schema, _introspection);

    [Benchmark]
    public IReadOnlyList<GraphQLError> ValidateElectionQuery() => DocumentValidator.Validate(_schema, _election);

    [Benchmark]
    public IReadOnlyList<GraphQLError> ParseAndValidateIntrospection() => DocumentValidator.Validate(_schema, Parser.Parse(_introspectionText));

    [Benchmark]
    public IReadOnlyList<GraphQLError> ParseAndValidateElectionQuery() => DocumentValidator.Validate(_schema, Parser.Parse(_electionText));
}
