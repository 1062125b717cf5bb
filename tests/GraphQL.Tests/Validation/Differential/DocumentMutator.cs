namespace Voting.GraphQL.Tests.Validation.Differential;

/// <summary>
/// Breaks a generated document in one targeted way, so that each rule's error paths meet realistic
/// surroundings: a renamed field, a dropped required argument, a value of the wrong kind, a lost variable
/// definition, a duplicate, a wrong type condition, a missing or extra sub-selection, a response-name clash.
/// </summary>
internal sealed class DocumentMutator(Random random)
{
    private static readonly string[] WrongValues =
        ["\"text\"", "12", "1.5", "true", "null", "OPEN", "PRIVATE", "[1, 2]", "{id: 1}", "{}", "$undefined", "[\"a\", null]", "{slug: \"s\", id: 1}", "-0.0e3"];

    private static readonly string[] WrongTypes =
        ["String", "Int!", "[ID!]!", "Boolean", "ElectionLookup", "Voter", "SearchResult", "Unknown", "[[Int]]", "CandidateFilter!"];

    private static readonly string[] TypeConditions =
        ["Voter", "Candidate", "Party", "Election", "Ballot", "Result", "Node", "Entity", "Person", "SearchResult", "Participant", "String", "ElectionStatus", "BallotInput", "Missing"];

    /// <summary>Applies one mutation; returns its name, or null when the document offered nothing for the chosen kind.</summary>
    public string? Mutate(GeneratedDocument document)
    {
        var fields = Walk(document).OfType<FieldSelection>().Where(f => f.Name != "__typename").ToList();
        switch (random.Next(14))
        {
            case 0 when fields.Count > 0:
                var renamed = Pick(fields);
                renamed.Name = random.Next(3) switch { 0 => renamed.Name[..^1], 1 => renamed.Name + "s", _ => "unknown" + renamed.Name };
                return "rename field";
            case 1 when fields.Any(f => f.Arguments.Any(a => a.Required)):
                var withRequired = Pick(fields.Where(f => f.Arguments.Any(a => a.Required)).ToList());
                withRequired.Arguments.Remove(Pick(withRequired.Arguments.Where(a => a.Required).ToList()));
                return "drop required argument";
            case 2 when fields.Any(f => f.Arguments.Count > 0):
                var withArguments = Pick(fields.Where(f => f.Arguments.Count > 0).ToList());
                int index = random.Next(withArguments.Arguments.Count);
                withArguments.Arguments[index] = withArguments.Arguments[index] with { Value = Pick(WrongValues) };
                return "swap value kind";
            case 3 when document.Operations.Any(o => o.Variables.Count > 0):
                var operation = Pick(document.Operations.Where(o => o.Variables.Count > 0).ToList());
                operation.Variables.RemoveAt(random.Next(operation.Variables.Count));
                return "remove variable definition";
            case 4 when fields.Any(f => f.Arguments.Count > 0):
                var duplicated = Pick(fields.Where(f => f.Arguments.Count > 0).ToList());
                duplicated.Arguments.Add(Pick(duplicated.Arguments));
                return "duplicate argument";
            case 5 when document.Fragments.Count > 0:
                var fragment = Pick(document.Fragments);
                var copy = new FragmentDefinition(fragment.Name, fragment.TypeCondition);
                copy.Children.AddRange(fragment.Children.Select(c => c.Clone()));
                document.Fragments.Add(copy);
                return "duplicate fragment";
            case 6:
                var first = document.Operations[0];
                first.Name ??= "Same";
                var twin = new Operation(Pick(["query", "mutation"]), Chance(0.7) ? first.Name : null);
                twin.Children.Add(new FieldSelection("__typename"));
                document.Operations.Add(twin);
                return "duplicate operation";
            case 7 when document.Operations.Any(o => o.Variables.Count > 0):
                var withVariables = Pick(document.Operations.Where(o => o.Variables.Count > 0).ToList());
                int v = random.Next(withVariables.Variables.Count);
                if (Chance(0.5))
                {
                    withVariables.Variables.Add(withVariables.Variables[v]);
                    return "duplicate variable";
                }

                withVariables.Variables[v] = withVariables.Variables[v] with { Type = Pick(WrongTypes), DefaultValue = Chance(0.3) ? Pick(WrongValues) : null };
                return "change variable type";
            case 8 when document.Fragments.Count > 0 || Walk(document).OfType<InlineFragment>().Any():
                var conditions = Walk(document).OfType<InlineFragment>().ToList();
                if (document.Fragments.Count > 0 && (conditions.Count == 0 || Chance(0.5)))
                {
                    Pick(document.Fragments).TypeCondition = Pick(TypeConditions);
                }
                else
                {
                    Pick(conditions).TypeCondition = Pick(TypeConditions);
                }

                return "change type condition";
            case 9 when fields.Count > 0:
                var reshaped = Pick(fields);
                reshaped.Children = reshaped.Children is null ? [new FieldSelection("id")] : null;
                return "add or remove sub-selection";
            case 10 when fields.Count > 1:
                var target = Pick(fields);
                var other = Pick(fields);
                target.Alias = other.Alias ?? other.Name;
                return "clash response names";
            case 11:
                var host = Pick(document.Operations);
                host.Variables.Add(new VariableDefinition("extra", Pick(["Int", "String!", "[ID]", "ElectionLookup"]), null));
                if (document.Fragments.Count == 0 || Chance(0.5))
                {
                    var unused = new FragmentDefinition("Unused", Pick(TypeConditions));
                    unused.Children.Add(new FieldSelection("id"));
                    document.Fragments.Add(unused);
                }

                return "add unused variable and fragment";
            case 12 when fields.Count > 0:
                var decorated = Pick(fields);
                decorated.Directives.Add(Pick(["@skip(if: true)", "@include", "@unknown", "@fragmentTag", "@cached(ttl: \"x\")", "@trace", "@trace(label: \"a\")", "@cached", "@sensitive", "@include(if: $missing)"]));
                if (Chance(0.4))
                {
                    decorated.Directives.Add(decorated.Directives[^1]);
                }

                return "add directive";
            case 13 when document.Fragments.Count > 0:
                var spreadInto = Pick(document.Fragments);
                spreadInto.Children.Add(new FragmentSpread(Chance(0.8) ? Pick(document.Fragments).Name : "Nowhere"));
                return "spread fragment into fragment";
            default:
                return null;
        }
    }

    private bool Chance(double p) => random.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static IEnumerable<Selection> Walk(GeneratedDocument document) =>
        document.Operations.SelectMany(o => Walk(o.Children)).Concat(document.Fragments.SelectMany(f => Walk(f.Children)));

    private static IEnumerable<Selection> Walk(List<Selection> selections)
    {
        foreach (var selection in selections)
        {
            yield return selection;
            var children = selection switch
            {
                FieldSelection field => field.Children,
                InlineFragment inline => inline.Children,
                _ => null,
            };
            if (children is not null)
            {
                foreach (var child in Walk(children))
                {
                    yield return child;
                }
            }
        }
    }
}
