using System.Text.Json;
using System.Text.Json.Serialization;
using Voting.GraphQL.Types;

namespace Voting.Benchmarks.Http.VotingServer;

/// <summary>benchmarks/http/schema.graphql, code-first as an application would write it, over data.json.</summary>
public sealed class Query
{
    private static readonly BenchmarkData Data = BenchmarkData.Load();

    public string Hello => Data.Hello;

    public Election? GetElection([ID] string id) => Data.Elections.FirstOrDefault(e => e.Id == id);

    public IReadOnlyList<Election> Elections => Data.Elections;
}

public enum ElectionStatus
{
    Draft,
    Scheduled,
    Open,
    Closed,
    ResultsPublished,
    Cancelled,
}

public sealed record Election(
    [property: ID] string Id,
    string Title,
    string? Description,
    ElectionStatus Status,
    [property: GraphQLDescription("ISO 8601 instant, UTC.")] string OpensAt,
    [property: GraphQLDescription("ISO 8601 instant, UTC.")] string ClosesAt,
    IReadOnlyList<Candidate> Candidates);

public sealed record Candidate([property: ID] string Id, string Name, int BallotOrder, string? Party);

internal sealed record BenchmarkData(string Hello, IReadOnlyList<Election> Elections)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };

    public static BenchmarkData Load() =>
        JsonSerializer.Deserialize<BenchmarkData>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data.json")), Options)
            ?? throw new InvalidOperationException("data.json is empty.");
}
