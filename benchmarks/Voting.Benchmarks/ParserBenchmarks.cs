using BenchmarkDotNet.Attributes;
using Voting.GraphQL.Language;
using Voting.GraphQL.Language.Ast;

namespace Voting.Benchmarks;

/// <summary>Parsing the standard introspection query and a realistic 2 KB operation, from UTF-8 bytes as a server receives them.</summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private byte[] _introspection = [];
    private byte[] _election = [];

    [GlobalSetup]
    public void Setup()
    {
        _introspection = Documents.Utf8("introspection");
        _election = Documents.Utf8("election");
    }

    [Benchmark]
    public DocumentNode ParseIntrospection() => Parser.Parse(_introspection);

    [Benchmark]
    public DocumentNode ParseElectionQuery() => Parser.Parse(_election);
}
