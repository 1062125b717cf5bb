using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class FieldsOnCorrectTypeRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new FieldsOnCorrectTypeRule(c);

    [Fact]
    public void Object_field_selection() => ExpectValid(Rule, "fragment objectFieldSelection on Dog { __typename name }");

    [Fact]
    public void Aliased_object_field_selection() => ExpectValid(Rule, "fragment aliasedObjectFieldSelection on Dog { tn : __typename otherName : name }");

    [Fact]
    public void Interface_field_selection() => ExpectValid(Rule, "fragment interfaceFieldSelection on Pet { __typename name }");

    [Fact]
    public void Lying_alias_selection() => ExpectValid(Rule, "fragment lyingAliasSelection on Dog { name : nickname }");

    [Fact]
    public void Ignores_fields_on_unknown_type() => ExpectValid(Rule, "fragment unknownSelection on UnknownType { unknownField }");

    [Fact]
    public void Reports_errors_when_type_is_known_again() => ExpectErrors(Rule, """
        fragment typeKnownAgain on Pet {
          unknown_pet_field {
            ... on Cat {
              unknown_cat_field
            }
          }
        }
        """,
        Error("Cannot query field \"unknown_pet_field\" on type \"Pet\".", (2, 3)),
        Error("Cannot query field \"unknown_cat_field\" on type \"Cat\".", (4, 7)));

    [Fact]
    public void Field_not_defined_on_fragment() => ExpectErrors(Rule, "fragment fieldNotDefined on Dog { meowVolume }",
        Error("Cannot query field \"meowVolume\" on type \"Dog\". Did you mean \"barkVolume\"?", (1, 35)));

    [Fact]
    public void Ignores_deeply_unknown_field() => ExpectErrors(Rule, "fragment deepFieldNotDefined on Dog { unknown_field { deeper_unknown_field } }",
        Error("Cannot query field \"unknown_field\" on type \"Dog\".", (1, 39)));

    [Fact]
    public void Sub_field_not_defined() => ExpectErrors(Rule, "fragment subFieldNotDefined on Human { pets { unknown_field } }",
        Error("Cannot query field \"unknown_field\" on type \"Pet\".", (1, 47)));

    [Fact]
    public void Field_not_defined_on_inline_fragment() => ExpectErrors(Rule, "fragment fieldNotDefined on Pet { ... on Dog { meowVolume } }",
        Error("Cannot query field \"meowVolume\" on type \"Dog\". Did you mean \"barkVolume\"?", (1, 48)));

    [Fact]
    public void Aliased_field_target_not_defined() => ExpectErrors(Rule, "fragment aliasedFieldTargetNotDefined on Dog { volume : mooVolume }",
        Error("Cannot query field \"mooVolume\" on type \"Dog\". Did you mean \"barkVolume\"?", (1, 48)));

    [Fact]
    public void Aliased_lying_field_target_not_defined() => ExpectErrors(Rule, "fragment aliasedLyingFieldTargetNotDefined on Dog { barkVolume : kawVolume }",
        Error("Cannot query field \"kawVolume\" on type \"Dog\". Did you mean \"barkVolume\"?", (1, 53)));

    [Fact]
    public void Not_defined_on_interface() => ExpectErrors(Rule, "fragment notDefinedOnInterface on Pet { tailLength }",
        Error("Cannot query field \"tailLength\" on type \"Pet\".", (1, 41)));

    [Fact]
    public void Defined_on_implementors_but_not_on_interface() => ExpectErrors(Rule, "fragment definedOnImplementorsButNotInterface on Pet { nickname }",
        Error("Cannot query field \"nickname\" on type \"Pet\". Did you mean to use an inline fragment on \"Cat\" or \"Dog\"?", (1, 56)));

    [Fact]
    public void Meta_field_selection_on_union() => ExpectValid(Rule, "fragment directFieldSelectionOnUnion on CatOrDog { __typename }");

    [Fact]
    public void Direct_field_selection_on_union() => ExpectErrors(Rule, "fragment directFieldSelectionOnUnion on CatOrDog { directField }",
        Error("Cannot query field \"directField\" on type \"CatOrDog\".", (1, 52)));

    [Fact]
    public void Defined_on_implementors_queried_on_union() => ExpectErrors(Rule, "fragment definedOnImplementorsQueriedOnUnion on CatOrDog { name }",
        Error("Cannot query field \"name\" on type \"CatOrDog\". Did you mean to use an inline fragment on \"Being\", \"Pet\", \"Canine\", \"Cat\", or \"Dog\"?", (1, 60)));

    [Fact]
    public void Valid_field_in_inline_fragment() => ExpectValid(Rule, """
        fragment objectFieldSelection on Pet {
          ... on Dog { name }
          ... { name }
        }
        """);

    [Fact]
    public void Suggestions_on_a_union_prefer_shared_interfaces() => ExpectErrors(Rule, "{ humanOrAlien { iq } }",
        Error("Cannot query field \"iq\" on type \"HumanOrAlien\". Did you mean to use an inline fragment on \"Intelligent\", \"Alien\", or \"Human\"?", (1, 18)));
}
