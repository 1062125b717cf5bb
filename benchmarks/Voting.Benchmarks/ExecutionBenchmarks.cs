using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Voting.Benchmarks.Http.VotingServer;
using Voting.GraphQL.Execution;
using Voting.GraphQL.Language;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.Benchmarks;

/// <summary>
/// Executing the HTTP benchmark's queries (benchmarks/http/queries) on its code-first schema, from a
/// parsed and validated document to JSON bytes: what one request costs beyond HTTP.
/// </summary>
[MemoryDiagnoser]
public class ExecutionBenchmarks
{
    private readonly IReadOnlyDictionary<string, object?> _variables = new Dictionary<string, object?> { ["id"] = "elec-2026-board" };
    private Schema _schema = null!;
    private DocumentNode _hello = null!;
    private DocumentNode _election = null!;
    private Utf8JsonWriter _writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _schema = SchemaBuilder.New().AddQueryType<Query>().Create();
        _hello = Parser.Parse("{ hello }");
        _election = Parser.Parse("query Election($id: ID!) { election(id: $id) { id title description status opensAt closesAt candidates { id name ballotOrder party } } }");
        _writer = new Utf8JsonWriter(Stream.Null);
    }

    [Benchmark]
    public Task Hello() => RunAsync(_hello, null);

    [Benchmark]
    public Task Election() => RunAsync(_election, _variables);

    private async Task RunAsync(DocumentNode document, IReadOnlyDictionary<string, object?>? variables)
    {
        var result = await Executor.ExecuteAsync(new ExecutionRequest { Schema = _schema, Document = document, VariableValues = variables }).ConfigureAwait(false);
        _writer.Reset(Stream.Null);
        ExecutionResultWriter.Write(_writer, result);
        await _writer.FlushAsync().ConfigureAwait(false);
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();
}
