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

    private const string IntrospectionFields = "FieldsOnCorrectType: introspection meta-fields __schema/__type unknown to our TypeInfo";

    private const string DirectivesOnNonExecutable = "KnownDirectives: directives on non-executable definitions (schema extension) not checked";

    private const string MaxIntrospectionDepth = "MaxIntrospectionDepthRule (in graphql-js 17 specifiedRules) not implemented; __schema unknown too";

    private const string OverlapReportedTwice = "OverlappingFieldsCanBeMerged: conflict reported several times / via the first of duplicate fragment definitions";

    private const string DuplicateFragmentFirstWins = "PossibleFragmentSpreads: with duplicate fragment names graphql-js uses the last definition, ours the first";

    private const string RequiredArgumentMessage = "ProvidedRequiredArguments: graphql-js 17 message 'Argument \"Type.field(arg:)\" / \"@dir(arg:)\" of type ... is required'";

    private const string SubscriptionSkipLocations = "SingleFieldSubscriptions: @skip/@include inside spread fragment reported with extra location";

    private const string SubscriptionFragmentCycle = "SingleFieldSubscriptions: missing \"must select one top level field\" when root fragments form a cycle";

    private const string OneOfMessage = "ValuesOfCorrectType: graphql-js 17 @oneOf message 'Within OneOf Input Object type ..., exactly one field must be specified...'";

    private const string NonNullMessage = "ValuesOfCorrectType: graphql-js 17 message 'Expected value of non-null type \"T!\" not to be null.'";

    private const string UnknownInputFieldMessage = "ValuesOfCorrectType: graphql-js 17 message 'Expected value of type \"T\" not to include unknown field \"f\", found: {...}.'";

    private const string NotAnObjectMessage = "ValuesOfCorrectType: graphql-js 17 message 'Expected value of type \"T\" to be an object, found: v.' (type unwrapped)";

    private const string RequiredInputFieldMessage = "ValuesOfCorrectType: graphql-js 17 message 'Expected value of type \"T\" to include required field \"f\", found: {...}.'";
    /// <summary>
    /// Documents on which our validator is known to differ from graphql-js 17.1.0, by Id, with the reason.
    /// The test asserts that each still differs, so fixing the validator forces removing its entry here.
    /// </summary>
    public static IReadOnlyDictionary<string, string> KnownDifferences { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["generated#9"] = OverlapReportedTwice,
        ["generated#56"] = OverlapReportedTwice,
        ["generated#94"] = OverlapReportedTwice,
        ["generated#95"] = SubscriptionSkipLocations,
        ["generated#108"] = OverlapReportedTwice,
        ["generated#138"] = SubscriptionFragmentCycle,
        ["generated#149"] = OverlapReportedTwice,
        ["generated#176"] = OverlapReportedTwice,
        ["generated#229"] = OverlapReportedTwice,
        ["generated#340"] = OverlapReportedTwice,
        ["generated#379"] = SubscriptionFragmentCycle,
        ["generated#381"] = SubscriptionSkipLocations,
        ["generated#457"] = OverlapReportedTwice,
        ["generated#496"] = OverlapReportedTwice,
        ["generated#498"] = OverlapReportedTwice,
        ["generated#516"] = OverlapReportedTwice,
        ["generated#552"] = OverlapReportedTwice,
        ["generated#578"] = OverlapReportedTwice,
        ["mutated#10"] = RequiredInputFieldMessage,
        ["mutated#19"] = RequiredArgumentMessage,
        ["mutated#21"] = OneOfMessage,
        ["mutated#30"] = NotAnObjectMessage,
        ["mutated#38"] = OverlapReportedTwice,
        ["mutated#45"] = RequiredArgumentMessage,
        ["mutated#46"] = RequiredArgumentMessage,
        ["mutated#49"] = OverlapReportedTwice,
        ["mutated#54"] = RequiredArgumentMessage,
        ["mutated#58"] = RequiredArgumentMessage,
        ["mutated#62"] = RequiredArgumentMessage,
        ["mutated#66"] = NonNullMessage,
        ["mutated#74"] = OneOfMessage,
        ["mutated#80"] = RequiredArgumentMessage,
        ["mutated#81"] = RequiredArgumentMessage,
        ["mutated#97"] = OverlapReportedTwice,
        ["mutated#100"] = RequiredArgumentMessage,
        ["mutated#113"] = RequiredArgumentMessage,
        ["mutated#114"] = NotAnObjectMessage,
        ["mutated#116"] = RequiredArgumentMessage,
        ["mutated#120"] = RequiredArgumentMessage,
        ["mutated#122"] = RequiredArgumentMessage,
        ["mutated#130"] = SubscriptionFragmentCycle,
        ["mutated#134"] = RequiredArgumentMessage,
        ["mutated#136"] = RequiredArgumentMessage,
        ["mutated#137"] = RequiredArgumentMessage,
        ["mutated#145"] = RequiredArgumentMessage,
        ["mutated#148"] = RequiredArgumentMessage,
        ["mutated#153"] = SubscriptionSkipLocations,
        ["mutated#154"] = RequiredArgumentMessage,
        ["mutated#156"] = RequiredArgumentMessage,
        ["mutated#162"] = NotAnObjectMessage,
        ["mutated#164"] = RequiredArgumentMessage,
        ["mutated#166"] = OverlapReportedTwice,
        ["mutated#169"] = OverlapReportedTwice,
        ["mutated#176"] = RequiredArgumentMessage,
        ["mutated#190"] = NotAnObjectMessage,
        ["mutated#197"] = RequiredArgumentMessage,
        ["mutated#204"] = RequiredArgumentMessage,
        ["mutated#212"] = RequiredArgumentMessage,
        ["mutated#222"] = RequiredInputFieldMessage,
        ["mutated#223"] = RequiredArgumentMessage,
        ["mutated#226"] = RequiredArgumentMessage,
        ["mutated#232"] = UnknownInputFieldMessage,
        ["mutated#248"] = NotAnObjectMessage,
        ["mutated#270"] = OverlapReportedTwice,
        ["mutated#278"] = RequiredArgumentMessage,
        ["mutated#281"] = NotAnObjectMessage,
        ["mutated#286"] = RequiredArgumentMessage,
        ["mutated#288"] = RequiredArgumentMessage,
        ["mutated#296"] = RequiredArgumentMessage,
        ["mutated#312"] = NotAnObjectMessage,
        ["mutated#317"] = RequiredArgumentMessage,
        ["mutated#321"] = OverlapReportedTwice,
        ["mutated#331"] = RequiredArgumentMessage,
        ["mutated#335"] = RequiredArgumentMessage,
        ["mutated#336"] = NotAnObjectMessage,
        ["mutated#337"] = NonNullMessage,
        ["mutated#340"] = RequiredInputFieldMessage,
        ["mutated#351"] = UnknownInputFieldMessage,
        ["mutated#352"] = OverlapReportedTwice,
        ["mutated#358"] = SubscriptionSkipLocations,
        ["mutated#359"] = OverlapReportedTwice,
        ["mutated#361"] = RequiredArgumentMessage,
        ["mutated#369"] = RequiredArgumentMessage,
        ["mutated#372"] = RequiredArgumentMessage,
        ["mutated#373"] = RequiredArgumentMessage,
        ["mutated#375"] = NotAnObjectMessage,
        ["mutated#376"] = OverlapReportedTwice,
        ["mutated#389"] = OverlapReportedTwice,
        ["mutated#406"] = RequiredArgumentMessage,
        ["mutated#411"] = OverlapReportedTwice,
        ["mutated#415"] = OverlapReportedTwice,
        ["mutated#430"] = RequiredArgumentMessage,
        ["mutated#438"] = RequiredArgumentMessage,
        ["mutated#441"] = RequiredArgumentMessage,
        ["mutated#444"] = RequiredArgumentMessage,
        ["mutated#445"] = OverlapReportedTwice,
        ["mutated#455"] = RequiredArgumentMessage,
        ["mutated#459"] = RequiredArgumentMessage,
        ["mutated#465"] = OverlapReportedTwice,
        ["mutated#467"] = RequiredArgumentMessage,
        ["mutated#469"] = NonNullMessage,
        ["mutated#473"] = RequiredArgumentMessage,
        ["mutated#475"] = OverlapReportedTwice,
        ["mutated#480"] = RequiredArgumentMessage,
        ["mutated#485"] = RequiredInputFieldMessage,
        ["mutated#492"] = RequiredArgumentMessage,
        ["mutated#496"] = NonNullMessage,
        ["mutated#507"] = RequiredArgumentMessage,
        ["mutated#521"] = RequiredArgumentMessage,
        ["mutated#523"] = RequiredArgumentMessage,
        ["mutated#534"] = NotAnObjectMessage,
        ["mutated#536"] = RequiredArgumentMessage,
        ["mutated#544"] = OverlapReportedTwice,
        ["mutated#552"] = RequiredArgumentMessage,
        ["mutated#555"] = NotAnObjectMessage,
        ["mutated#563"] = NotAnObjectMessage,
        ["mutated#567"] = RequiredArgumentMessage,
        ["mutated#570"] = NotAnObjectMessage,
        ["mutated#581"] = RequiredArgumentMessage,
        ["mutated#583"] = RequiredArgumentMessage,
        ["mutated#593"] = RequiredArgumentMessage,
        ["mutated#596"] = RequiredArgumentMessage,
        ["written:args-required"] = RequiredArgumentMessage,
        ["written:args-required-nonnull-default"] = RequiredArgumentMessage,
        ["written:args-required-nonnull-default/multiline"] = RequiredArgumentMessage,
        ["written:args-required-null"] = NonNullMessage,
        ["written:args-required-null/multiline"] = NonNullMessage,
        ["written:args-required/multiline"] = RequiredArgumentMessage,
        ["written:deep-introspection"] = MaxIntrospectionDepth,
        ["written:deep-introspection/multiline"] = MaxIntrospectionDepth,
        ["written:directive-args-missing"] = RequiredArgumentMessage,
        ["written:directive-args-missing/multiline"] = RequiredArgumentMessage,
        ["written:directive-args-wrong"] = NonNullMessage,
        ["written:directive-args-wrong/multiline"] = NonNullMessage,
        ["written:executable-defs"] = DirectivesOnNonExecutable,
        ["written:executable-defs/multiline"] = DirectivesOnNonExecutable,
        ["written:frag-unique"] = DuplicateFragmentFirstWins,
        ["written:frag-unique/multiline"] = DuplicateFragmentFirstWins,
        ["written:introspection-interfaces"] = MaxIntrospectionDepth,
        ["written:introspection-interfaces/multiline"] = MaxIntrospectionDepth,
        ["written:unknown-introspection-arg"] = IntrospectionFields,
        ["written:unknown-introspection-arg/multiline"] = IntrospectionFields,
        ["written:valid-introspection"] = IntrospectionFields,
        ["written:valid-introspection/multiline"] = IntrospectionFields,
        ["written:values-deep-required"] = RequiredInputFieldMessage,
        ["written:values-deep-required/multiline"] = RequiredInputFieldMessage,
        ["written:values-list"] = NonNullMessage,
        ["written:values-list-nonnull"] = NonNullMessage,
        ["written:values-list-nonnull/multiline"] = NonNullMessage,
        ["written:values-list/multiline"] = NonNullMessage,
        ["written:values-object-nested"] = NonNullMessage,
        ["written:values-object-nested/multiline"] = NonNullMessage,
        ["written:values-object-not-object"] = NotAnObjectMessage,
        ["written:values-object-not-object/multiline"] = NotAnObjectMessage,
        ["written:values-object-required"] = RequiredInputFieldMessage,
        ["written:values-object-required/multiline"] = RequiredInputFieldMessage,
        ["written:values-object-unknown"] = UnknownInputFieldMessage,
        ["written:values-object-unknown/multiline"] = UnknownInputFieldMessage,
        ["written:values-oneof-nested-list"] = NotAnObjectMessage,
        ["written:values-oneof-nested-list/multiline"] = NotAnObjectMessage,
        ["written:values-oneof-none"] = OneOfMessage,
        ["written:values-oneof-none/multiline"] = OneOfMessage,
        ["written:values-oneof-null"] = OneOfMessage,
        ["written:values-oneof-null/multiline"] = OneOfMessage,
        ["written:values-oneof-two"] = OneOfMessage,
        ["written:values-oneof-two/multiline"] = OneOfMessage,
        ["written:values-oneof-unknown"] = OneOfMessage,
        ["written:values-oneof-unknown/multiline"] = OneOfMessage,
        ["written:var-default-wrong"] = OneOfMessage,
        ["written:var-default-wrong/multiline"] = OneOfMessage,
    };

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
