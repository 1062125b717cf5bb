using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Validation.Differential;

/// <summary>One document of the differential corpus; <see cref="KnownDifference"/> says why we still disagree with graphql-js.</summary>
internal sealed record CorpusEntry(string Id, string Document, string? KnownDifference);

/// <summary>
/// The differential corpus: the hand-written documents, then documents from the seeded generator, then
/// mutated copies of further generated documents. The same seed always gives the same corpus, so an Id such
/// as "generated#17" names one document for good.
/// </summary>
internal static class ValidationCorpus
{
    public const int Seed = 20251101;

    /// <summary>
    /// Documents on which our validator is known to differ from graphql-js 17.1.0, by Id, with the reason.
    /// The test asserts that each still differs, so fixing the validator forces removing its entry here.
    /// </summary>
    public static IReadOnlyDictionary<string, string> KnownDifferences { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public static IReadOnlyList<CorpusEntry> Build(Schema schema, int generated, int mutated)
    {
        var entries = new List<CorpusEntry>();
        foreach (var (name, document) in HandWrittenDocuments.All)
        {
            entries.Add(Entry("written:" + name, document));
        }

        var random = new Random(Seed);
        var generator = new DocumentGenerator(schema, random);
        for (int i = 0; i < generated; i++)
        {
            entries.Add(Entry($"generated#{i}", generator.Next().Print()));
        }

        var mutator = new DocumentMutator(random);
        for (int i = 0; i < mutated; i++)
        {
            var document = generator.Next();
            string? mutation = null;
            while (mutation is null)
            {
                mutation = mutator.Mutate(document);
            }

            // A quarter of them get a second mutation, so that errors of two rules interleave.
            if (random.Next(4) == 0)
            {
                mutator.Mutate(document);
            }

            entries.Add(Entry($"mutated#{i}", document.Print()));
        }

        var unknown = KnownDifferences.Keys.Except(entries.Select(e => e.Id)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException("KnownDifferences names documents not in the corpus: " + string.Join(", ", unknown));
        }

        return entries;
    }

    private static CorpusEntry Entry(string id, string document) => new(id, document, KnownDifferences.GetValueOrDefault(id));
}
