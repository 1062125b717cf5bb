using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class PossibleFragmentSpreadsRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new PossibleFragmentSpreadsRule(c);

    [Fact]
    public void Of_the_same_object() => ExpectValid(Rule, """
        fragment objectWithinObject on Dog { ...dogFragment }
        fragment dogFragment on Dog { barkVolume }
        """);

    [Fact]
    public void Of_the_same_object_with_inline_fragment() => ExpectValid(Rule, "fragment objectWithinObjectAnon on Dog { ... on Dog { barkVolume } }");

    [Fact]
    public void Object_into_an_implemented_interface() => ExpectValid(Rule, """
        fragment objectWithinInterface on Pet { ...dogFragment }
        fragment dogFragment on Dog { barkVolume }
        """);

    [Fact]
    public void Object_into_containing_union() => ExpectValid(Rule, """
        fragment objectWithinUnion on CatOrDog { ...dogFragment }
        fragment dogFragment on Dog { barkVolume }
        """);

    [Fact]
    public void Union_into_contained_object() => ExpectValid(Rule, """
        fragment unionWithinObject on Dog { ...catOrDogFragment }
        fragment catOrDogFragment on CatOrDog { __typename }
        """);

    [Fact]
    public void Union_into_overlapping_interface_and_union() => ExpectValid(Rule, """
        fragment unionWithinInterface on Pet { ...catOrDogFragment }
        fragment unionWithinUnion on DogOrHuman { ...catOrDogFragment }
        fragment catOrDogFragment on CatOrDog { __typename }
        """);

    [Fact]
    public void Interface_into_implemented_object_interface_and_union() => ExpectValid(Rule, """
        fragment interfaceWithinObject on Dog { ...petFragment }
        fragment interfaceWithinInterface on Pet { ...beingFragment }
        fragment interfaceWithinUnion on CatOrDog { ...petFragment }
        fragment petFragment on Pet { name }
        fragment beingFragment on Being { name }
        """);

    [Fact]
    public void Interface_into_interface_it_implements_and_back() => ExpectValid(Rule, """
        fragment mammalInCanine on Canine { ...mammalFragment }
        fragment canineInMammal on Mammal { ... on Canine { name } }
        fragment mammalFragment on Mammal { mother { __typename } }
        """);

    [Fact]
    public void Unknown_fragments_and_types_are_ignored() => ExpectValid(Rule, """
        fragment a on Dog { ...unknown ... on Unknown { name } ...b }
        fragment b on Unknown { name }
        """);

    [Fact]
    public void With_duplicate_fragment_names_the_last_definition_counts() => ExpectErrors(Rule,
        "fragment f on Dog { ...g } fragment g on Dog { name } fragment g on Cat { name }",
        Error("Fragment \"g\" cannot be spread here as objects of type \"Dog\" can never be of type \"Cat\".", (1, 21)));

    [Fact]
    public void Different_object_into_object() => ExpectErrors(Rule, """
        fragment invalidObjectWithinObject on Cat { ...dogFragment }
        fragment dogFragment on Dog { barkVolume }
        """,
        Error("Fragment \"dogFragment\" cannot be spread here as objects of type \"Cat\" can never be of type \"Dog\".", (1, 45)));

    [Fact]
    public void Different_object_into_object_in_inline_fragment() => ExpectErrors(Rule, """
        fragment invalidObjectWithinObjectAnon on Cat {
          ... on Dog { barkVolume }
        }
        """,
        Error("Fragment cannot be spread here as objects of type \"Cat\" can never be of type \"Dog\".", (2, 3)));

    [Fact]
    public void Object_into_not_implementing_interface() => ExpectErrors(Rule, """
        fragment invalidObjectWithinInterface on Pet { ...humanFragment }
        fragment humanFragment on Human { pets { name } }
        """,
        Error("Fragment \"humanFragment\" cannot be spread here as objects of type \"Pet\" can never be of type \"Human\".", (1, 48)));

    [Fact]
    public void Object_into_not_containing_union() => ExpectErrors(Rule, """
        fragment invalidObjectWithinUnion on CatOrDog { ...humanFragment }
        fragment humanFragment on Human { pets { name } }
        """,
        Error("Fragment \"humanFragment\" cannot be spread here as objects of type \"CatOrDog\" can never be of type \"Human\".", (1, 49)));

    [Fact]
    public void Union_into_not_contained_object() => ExpectErrors(Rule, """
        fragment invalidUnionWithinObject on Human { ...catOrDogFragment }
        fragment catOrDogFragment on CatOrDog { __typename }
        """,
        Error("Fragment \"catOrDogFragment\" cannot be spread here as objects of type \"Human\" can never be of type \"CatOrDog\".", (1, 46)));

    [Fact]
    public void Union_into_non_overlapping_interface_and_union() => ExpectErrors(Rule, """
        fragment invalidUnionWithinInterface on Pet { ...humanOrAlienFragment }
        fragment invalidUnionWithinUnion on CatOrDog { ...humanOrAlienFragment }
        fragment humanOrAlienFragment on HumanOrAlien { __typename }
        """,
        Error("Fragment \"humanOrAlienFragment\" cannot be spread here as objects of type \"Pet\" can never be of type \"HumanOrAlien\".", (1, 47)),
        Error("Fragment \"humanOrAlienFragment\" cannot be spread here as objects of type \"CatOrDog\" can never be of type \"HumanOrAlien\".", (2, 48)));

    [Fact]
    public void Interface_into_non_implementing_object_and_non_overlapping_union() => ExpectErrors(Rule, """
        fragment invalidInterfaceWithinObject on Cat { ...intelligentFragment }
        fragment invalidInterfaceWithinUnion on CatOrDog { ...intelligentFragment }
        fragment intelligentFragment on Intelligent { iq }
        """,
        Error("Fragment \"intelligentFragment\" cannot be spread here as objects of type \"Cat\" can never be of type \"Intelligent\".", (1, 48)),
        Error("Fragment \"intelligentFragment\" cannot be spread here as objects of type \"CatOrDog\" can never be of type \"Intelligent\".", (2, 52)));

    [Fact]
    public void Interface_into_non_overlapping_interface_in_inline_fragment() => ExpectErrors(Rule, """
        fragment invalidInterfaceWithinInterfaceAnon on Pet {
          ...on Intelligent { iq }
        }
        """,
        Error("Fragment cannot be spread here as objects of type \"Pet\" can never be of type \"Intelligent\".", (2, 3)));
}
