using Voting.GraphQL.Language;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Validation;

namespace Voting.GraphQL.Tests.Validation;

public sealed class DocumentValidatorTests
{
    private const string KitchenSink = """
        query Dogs($command: DogCommand = SIT, $withMother: Boolean!, $complex: ComplexInput) {
          dog {
            ...DogFields
            mother @include(if: $withMother) { name }
          }
          pet {
            name
            ... on Cat { meows furColor }
          }
          catOrDog { __typename ... on Dog { barks } }
          complicatedArgs {
            complexArgField(complexArg: $complex)
            multipleReqs(req1: 1, req2: 2)
            oneOfArgField(oneOfArg: { intField: 4 })
          }
          humanOrAlien { ... on Being { name } }
        }
        fragment DogFields on Dog {
          name
          doesKnowCommand(dogCommand: $command)
          isHouseTrained
        }
        subscription Emails { importantEmails }
        mutation Rename { renameDog(name: "Rex") { name } }
        """;

    [Fact]
    public void A_valid_document_passes_every_rule() =>
        Assert.Empty(DocumentValidator.Validate(TestSchema.Instance, Parser.Parse(KitchenSink)));

    [Fact]
    public void The_specified_rules_are_graphql_js_rules_in_its_order()
    {
        var context = CreateContext();
        string[] expected =
        [
            "ExecutableDefinitionsRule", "KnownOperationTypesRule", "UniqueOperationNamesRule", "LoneAnonymousOperationRule", "SingleFieldSubscriptionsRule",
            "KnownTypeNamesRule", "FragmentsOnCompositeTypesRule", "VariablesAreInputTypesRule", "ScalarLeafsRule",
            "FieldsOnCorrectTypeRule", "UniqueFragmentNamesRule", "KnownFragmentNamesRule", "NoUnusedFragmentsRule",
            "PossibleFragmentSpreadsRule", "NoFragmentCyclesRule", "UniqueVariableNamesRule", "NoUndefinedVariablesRule",
            "NoUnusedVariablesRule", "KnownDirectivesRule", "UniqueDirectivesPerLocationRule", "KnownArgumentNamesRule",
            "UniqueArgumentNamesRule", "ValuesOfCorrectTypeRule", "ProvidedRequiredArgumentsRule", "VariablesInAllowedPositionRule",
            "OverlappingFieldsCanBeMergedRule", "UniqueInputFieldNamesRule", "MaxIntrospectionDepthRule",
        ];
        Assert.Equal(expected, SpecifiedRules.All.Select(create => create(context).GetType().Name));
    }

    [Fact]
    public void All_rules_run_in_one_traversal()
    {
        // Two recording rules share one log: in a single walk their visits of each node alternate;
        // separate walks would log all of the first rule's visits before any of the second's.
        var log = new List<(int Rule, Node Node)>();
        var errors = DocumentValidator.Validate(
            TestSchema.Instance,
            Parser.Parse(KitchenSink),
            new ValidationOptions { Rules = [.. SpecifiedRules.All, c => new RecordingRule(c, 1, log), c => new RecordingRule(c, 2, log)] });

        Assert.Empty(errors);
        Assert.True(log.Count > 100);
        for (var i = 0; i < log.Count; i += 2)
        {
            Assert.Equal(1, log[i].Rule);
            Assert.Equal(2, log[i + 1].Rule);
            Assert.Same(log[i].Node, log[i + 1].Node);
        }

        Assert.Equal(log.Count / 2, log.Select(e => e.Node).Distinct().Count());
    }

    [Fact]
    public void Errors_of_several_rules_are_reported_in_document_order_with_their_rule()
    {
        var errors = DocumentValidator.Validate(TestSchema.Instance, Parser.Parse("""
            query Q($unused: Int) {
              dog { nam }
              cat @unknown { name }
            }
            """));

        Assert.Equal(
            [
                ("Variable \"$unused\" is never used in operation \"Q\".", "NoUnusedVariablesRule"),
                ("Cannot query field \"nam\" on type \"Dog\". Did you mean \"name\"?", "FieldsOnCorrectTypeRule"),
                ("Unknown directive \"@unknown\".", "KnownDirectivesRule"),
            ],
            errors.Select(e => (e.Message, (string)e.Extensions![DocumentValidator.RuleExtension]!)));
    }

    [Fact]
    public void Errors_of_all_rules_come_in_graphql_js_order()
    {
        // The expected list is graphql-js 17.1's validate() output for the same document and schema.
        var errors = DocumentValidator.Validate(TestSchema.Instance, Parser.Parse("""
            query Bad($a: Int, $a: String, $b: Dog) @onField {
              dog(x: 1) { name(surname: "yes") ...F ...Missing ... on Human { name } barks { x } }
              complicatedArgs { multipleReqs(req1: null) complexArgField(complexArg: { requiredField: true, requiredField: false }) }
              alias: dog { name } alias: cat { name }
            }
            fragment F on Dog { ...G }
            fragment G on Dog { ...F name(surname: $c) }
            fragment Unused on Int { x }
            { dog { name } }
            """));

        string[] expected =
        [
            "There can be only one variable named \"$a\". @ 1:12, 1:21",
            "Variable \"$c\" is not defined by operation \"Bad\". @ 7:40, 1:1",
            "Variable \"$a\" is never used in operation \"Bad\". @ 1:11",
            "Variable \"$a\" is never used in operation \"Bad\". @ 1:20",
            "Variable \"$b\" is never used in operation \"Bad\". @ 1:32",
            "Variable \"$b\" cannot be non-input type \"Dog\". @ 1:36",
            "Directive \"@onField\" may not be used on QUERY. @ 1:41",
            "Fields \"alias\" conflict because \"dog\" and \"cat\" are different fields. Use different aliases on the fields to fetch both if this was intentional. @ 4:3, 4:23",
            "Unknown argument \"x\" on field \"QueryRoot.dog\". @ 2:7",
            "Fields \"name\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional. @ 2:15, 7:26",
            "Boolean cannot represent a non boolean value: \"yes\" @ 2:29",
            "Unknown fragment \"Missing\". @ 2:44",
            "Fragment cannot be spread here as objects of type \"Dog\" can never be of type \"Human\". @ 2:52",
            "Field \"barks\" must not have a selection since type \"Boolean\" has no subfields. @ 2:80",
            "Expected value of non-null type \"Int!\" not to be null. @ 3:40",
            "Argument \"ComplicatedArgs.multipleReqs(req2:)\" of type \"Int!\" is required, but it was not provided. @ 3:21",
            "There can be only one input field named \"requiredField\". @ 3:76, 3:97",
            "Cannot spread fragment \"F\" within itself via \"G\". @ 6:21, 7:21",
            "Fragment \"Unused\" cannot condition on non composite type \"Int\". @ 8:20",
            "This anonymous operation must be the only defined operation. @ 9:1",
            "Fragment \"Unused\" is never used. @ 8:1",
        ];
        Assert.Equal(expected, errors.Select(e => e.Message + " @ " + string.Join(", ", e.Locations.Select(l => $"{l.Line}:{l.Column}"))));
    }

    [Fact]
    public void Validation_stops_after_max_errors()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 20).Select(i => $"unknown{i}")) + " }";

        var errors = DocumentValidator.Validate(TestSchema.Instance, Parser.Parse(query), new ValidationOptions { MaxErrors = 5 });

        Assert.Equal(6, errors.Count);
        Assert.All(errors.Take(5), e => Assert.StartsWith("Cannot query field \"unknown", e.Message, StringComparison.Ordinal));
        Assert.Equal("Too many validation errors, error limit reached. Validation aborted.", errors[5].Message);
        Assert.Empty(errors[5].Locations);
    }

    [Fact]
    public void The_default_cap_is_one_hundred()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 150).Select(i => $"unknown{i}")) + " }";

        var errors = DocumentValidator.Validate(TestSchema.Instance, Parser.Parse(query));

        Assert.Equal(101, errors.Count);
        Assert.Equal(DocumentValidator.TooManyErrorsMessage, errors[^1].Message);
    }

    [Fact]
    public void Exactly_max_errors_is_not_aborted()
    {
        var query = "{ unknown1 unknown2 }";

        var errors = DocumentValidator.Validate(TestSchema.Instance, Parser.Parse(query), new ValidationOptions { MaxErrors = 2 });

        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Max_errors_must_be_positive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            DocumentValidator.Validate(TestSchema.Instance, Parser.Parse("{ dog { name } }"), new ValidationOptions { MaxErrors = 0 }));

    [Fact]
    public void Variable_usages_carry_the_expected_type_and_position_default()
    {
        var document = Parser.Parse("query ($a: Boolean, $b: String) { dog { isHouseTrained(atOtherHomes: $a) } complicatedArgs { complexArgField(complexArg: { requiredField: true, stringField: $b }) } }");
        var context = CreateContext(document);

        var usages = context.GetRecursiveVariableUsages((OperationDefinitionNode)document.Definitions[0]);

        Assert.Collection(
            usages,
            a =>
            {
                Assert.Equal("a", a.Node.Name.Value);
                Assert.Equal("Boolean", a.Type?.ToString());
                Assert.IsType<BooleanValueNode>(a.DefaultValue);
                Assert.Null(a.ParentType);
            },
            b =>
            {
                Assert.Equal("b", b.Node.Name.Value);
                Assert.Equal("String", b.Type?.ToString());
                Assert.Null(b.DefaultValue);
                Assert.Equal("ComplexInput", b.ParentType?.ToString());
            });
    }

    private static ValidationContext CreateContext(DocumentNode? document = null)
    {
        ValidationContext? captured = null;
        DocumentValidator.Validate(TestSchema.Instance, document ?? Parser.Parse("{ dog { name } }"), new ValidationOptions
        {
            Rules = [c => new RecordingRule(captured = c, 0, [])],
        });
        return captured!;
    }

    private sealed class RecordingRule(ValidationContext context, int id, List<(int Rule, Node Node)> log) : ValidationRule(context)
    {
        public override void EnterDocument(DocumentNode node) => log.Add((id, node));

        public override void EnterOperationDefinition(OperationDefinitionNode node) => log.Add((id, node));

        public override void EnterFragmentDefinition(FragmentDefinitionNode node) => log.Add((id, node));

        public override void EnterVariableDefinition(VariableDefinitionNode node) => log.Add((id, node));

        public override void EnterSelectionSet(SelectionSetNode node) => log.Add((id, node));

        public override void EnterField(FieldNode node) => log.Add((id, node));

        public override void EnterFragmentSpread(FragmentSpreadNode node) => log.Add((id, node));

        public override void EnterInlineFragment(InlineFragmentNode node) => log.Add((id, node));

        public override void EnterDirective(DirectiveNode node) => log.Add((id, node));

        public override void EnterArgument(ArgumentNode node) => log.Add((id, node));

        public override void EnterNamedType(NamedTypeNode node) => log.Add((id, node));

        public override void EnterVariable(VariableNode node) => log.Add((id, node));

        public override void EnterValue(ValueNode node) => log.Add((id, node));

        public override void EnterObjectField(ObjectFieldNode node) => log.Add((id, node));
    }
}
