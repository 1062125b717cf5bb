using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class KnownDirectivesRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new KnownDirectivesRule(c);

    [Fact]
    public void With_no_directives() => ExpectValid(Rule, "query Foo { name ...Frag } fragment Frag on Dog { name }");

    [Fact]
    public void With_standard_directives() => ExpectValid(Rule, "{ human @skip(if: false) { name pets { ... on Dog @include(if: true) { name } } } }");

    [Fact]
    public void With_unknown_directive() => ExpectErrors(Rule, "{ human @unknown(directive: \"value\") { name } }",
        Error("Unknown directive \"@unknown\".", (1, 9)));

    [Fact]
    public void With_many_unknown_directives() => ExpectErrors(Rule, """
        {
          __typename @unknown
          human @unknown { name pets @unknown { name } }
        }
        """,
        Error("Unknown directive \"@unknown\".", (2, 14)),
        Error("Unknown directive \"@unknown\".", (3, 9)),
        Error("Unknown directive \"@unknown\".", (3, 30)));

    [Fact]
    public void With_well_placed_directives() => ExpectValid(Rule, """
        query ($var: Boolean @onVariableDefinition) @onQuery {
          human @include(if: $var) {
            name @skip(if: $var)
            ...Frag @onFragmentSpread
            ... @onInlineFragment { name }
          }
        }
        mutation @onMutation { someField }
        subscription @onSubscription { someField }
        fragment Frag on Human @onFragmentDefinition { name }
        """);

    [Fact]
    public void With_misplaced_directives() => ExpectErrors(Rule, """
        query ($var: Boolean @onQuery) @onMutation {
          human @onQuery {
            ...Frag @onField
            ... @onFragmentSpread { name }
          }
        }
        mutation @onQuery { someField }
        subscription @onField { someField }
        fragment Frag on Human @onInlineFragment { name }
        """,
        Error("Directive \"@onQuery\" may not be used on VARIABLE_DEFINITION.", (1, 22)),
        Error("Directive \"@onMutation\" may not be used on QUERY.", (1, 32)),
        Error("Directive \"@onQuery\" may not be used on FIELD.", (2, 9)),
        Error("Directive \"@onField\" may not be used on FRAGMENT_SPREAD.", (3, 13)),
        Error("Directive \"@onFragmentSpread\" may not be used on INLINE_FRAGMENT.", (4, 9)),
        Error("Directive \"@onQuery\" may not be used on MUTATION.", (7, 10)),
        Error("Directive \"@onField\" may not be used on SUBSCRIPTION.", (8, 14)),
        Error("Directive \"@onInlineFragment\" may not be used on FRAGMENT_DEFINITION.", (9, 24)));

    [Fact]
    public void Within_type_system_definitions_in_an_executable_document_directives_are_checked_at_their_sdl_locations() => ExpectErrors(Rule, """
        type Query @onObject { f(a: Int @onArgumentDefinition): Int @onFieldDefinition }
        schema @onObject { query: Query }
        scalar S @onScalar
        interface I @onInterface { f: Int @onInterface }
        union U @onUnion = Query
        enum E @onEnum { A @onEnumValue B @onEnum }
        input In @onInputObject { a: Int @onInputFieldDefinition b: Int @onArgumentDefinition }
        directive @d(a: Int @onInputFieldDefinition) on FIELD
        extend schema @onSchema @unknown
        """,
        Error("Directive \"@onObject\" may not be used on SCHEMA.", (2, 8)),
        Error("Directive \"@onInterface\" may not be used on FIELD_DEFINITION.", (4, 35)),
        Error("Directive \"@onEnum\" may not be used on ENUM_VALUE.", (6, 35)),
        Error("Directive \"@onArgumentDefinition\" may not be used on INPUT_FIELD_DEFINITION.", (7, 65)),
        Error("Directive \"@onInputFieldDefinition\" may not be used on ARGUMENT_DEFINITION.", (8, 21)),
        Error("Unknown directive \"@unknown\".", (9, 25)));

    [Fact]
    public void Within_type_system_extensions_directives_are_checked_at_the_extended_kind() => ExpectErrors(Rule, """
        extend scalar S @onObject
        extend type T @onObject { f: Int @onObject }
        extend interface I @onInterface
        extend union U @onEnum
        extend enum E @onEnum { A @onEnumValue }
        extend input In @onInputObject { a: Int @onInputFieldDefinition }
        """,
        Error("Directive \"@onObject\" may not be used on SCALAR.", (1, 17)),
        Error("Directive \"@onObject\" may not be used on FIELD_DEFINITION.", (2, 34)),
        Error("Directive \"@onEnum\" may not be used on UNION.", (4, 16)));

    [Fact]
    public void Directives_the_document_defines_are_known_at_their_own_locations() => ExpectErrors(Rule, """
        directive @local on FIELD | OBJECT
        directive @onQuery on FIELD
        query @onQuery { dog @local { name } }
        type T @local { f: Int @local }
        """,
        Error("Directive \"@onQuery\" may not be used on QUERY.", (3, 7)),
        Error("Directive \"@local\" may not be used on FIELD_DEFINITION.", (4, 24)));
}
