using Voting.GraphQL.Language;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Validation;

/// <summary>
/// The schema validation tests run against: the animals, people and argument-heavy types of
/// graphql-js's validation harness, written here in code (SDL building is not available yet).
/// </summary>
internal static class TestSchema
{
    public static Schema Instance { get; } = Build();

    public static FieldDefinition F(string name, GraphQLType type, params ArgumentDefinition[] arguments) =>
        new(name, type) { Arguments = arguments };

    public static ArgumentDefinition A(string name, GraphQLType type, string? defaultValue = null) =>
        new(name, type) { DefaultValue = defaultValue is null ? null : Parser.ParseValue(defaultValue) };

    public static InputFieldDefinition I(string name, GraphQLType type, string? defaultValue = null) =>
        new(name, type) { DefaultValue = defaultValue is null ? null : Parser.ParseValue(defaultValue) };

    public static NonNullType NN(GraphQLType type) => new(type);

    public static ListType L(GraphQLType type) => new(type);

    public static DirectiveDefinition D(string name, params DirectiveLocation[] locations) => new(name, locations);

    private static Schema Build()
    {
        var surname = A("surname", Scalars.Boolean);
        InterfaceType? mammal = null, canine = null, pet = null, being = null, intelligent = null;
        ObjectType? dog = null, cat = null, human = null, alien = null;

        being = new InterfaceType("Being", () => [F("name", Scalars.String, surname)]);
        mammal = new InterfaceType("Mammal", () => [F("mother", mammal!), F("father", mammal!)]);
        pet = new InterfaceType("Pet", () => [F("name", Scalars.String, surname)], () => [being]);
        canine = new InterfaceType("Canine", () => [F("name", Scalars.String, surname), F("mother", canine!), F("father", canine!)], () => [mammal]);
        intelligent = new InterfaceType("Intelligent", () => [F("iq", Scalars.Int)]);
        var dogCommand = new EnumType("DogCommand", [new("SIT"), new("HEEL"), new("DOWN")]);
        var furColor = new EnumType("FurColor", [new("BROWN"), new("BLACK"), new("TAN"), new("SPOTTED"), new("NO_FUR"), new("UNKNOWN")]);

        dog = new ObjectType(
            "Dog",
            () =>
            [
                F("name", Scalars.String, surname),
                F("nickname", Scalars.String),
                F("barkVolume", Scalars.Int),
                F("barks", Scalars.Boolean),
                F("doesKnowCommand", Scalars.Boolean, A("dogCommand", dogCommand)),
                F("isHouseTrained", Scalars.Boolean, A("atOtherHomes", Scalars.Boolean, "true")),
                F("isAtLocation", Scalars.Boolean, A("x", Scalars.Int), A("y", Scalars.Int)),
                F("mother", dog!),
                F("father", dog!),
            ],
            () => [being, pet, mammal, canine]);
        cat = new ObjectType(
            "Cat",
            () =>
            [
                F("name", Scalars.String, surname),
                F("nickname", Scalars.String),
                F("meows", Scalars.Boolean),
                F("meowsVolume", Scalars.Int),
                F("furColor", furColor),
            ],
            () => [being, pet]);
        human = new ObjectType(
            "Human",
            () =>
            [
                F("name", Scalars.String, surname),
                F("pets", L(pet)),
                F("relatives", NN(L(human!))),
                F("iq", Scalars.Int),
            ],
            () => [being, intelligent]);
        alien = new ObjectType(
            "Alien",
            () => [F("iq", Scalars.Int), F("name", Scalars.String, surname), F("numEyes", Scalars.Int)],
            () => [being, intelligent]);

        var catOrDog = new UnionType("CatOrDog", () => [cat, dog]);
        var dogOrHuman = new UnionType("DogOrHuman", () => [dog, human]);
        var humanOrAlien = new UnionType("HumanOrAlien", () => [human, alien]);

        var complexInput = new InputObjectType(
            "ComplexInput",
            () =>
            [
                I("requiredField", NN(Scalars.Boolean)),
                I("nonNullField", NN(Scalars.Boolean), "false"),
                I("intField", Scalars.Int),
                I("stringField", Scalars.String),
                I("booleanField", Scalars.Boolean),
                I("stringListField", L(Scalars.String)),
            ]);
        var oneOfInput = new InputObjectType("OneOfInput", () => [I("stringField", Scalars.String), I("intField", Scalars.Int)]) { IsOneOf = true };

        var complicatedArgs = new ObjectType(
            "ComplicatedArgs",
            () =>
            [
                F("intArgField", Scalars.String, A("intArg", Scalars.Int)),
                F("nonNullIntArgField", Scalars.String, A("nonNullIntArg", NN(Scalars.Int))),
                F("stringArgField", Scalars.String, A("stringArg", Scalars.String)),
                F("booleanArgField", Scalars.String, A("booleanArg", Scalars.Boolean)),
                F("enumArgField", Scalars.String, A("enumArg", furColor)),
                F("floatArgField", Scalars.String, A("floatArg", Scalars.Float)),
                F("idArgField", Scalars.String, A("idArg", Scalars.ID)),
                F("stringListArgField", Scalars.String, A("stringListArg", L(Scalars.String))),
                F("stringListNonNullArgField", Scalars.String, A("stringListNonNullArg", L(NN(Scalars.String)))),
                F("complexArgField", Scalars.String, A("complexArg", complexInput)),
                F("oneOfArgField", Scalars.String, A("oneOfArg", oneOfInput)),
                F("multipleReqs", Scalars.String, A("req1", NN(Scalars.Int)), A("req2", NN(Scalars.Int))),
                F("nonNullFieldWithDefault", Scalars.String, A("arg", NN(Scalars.Int), "0")),
                F("multipleOpts", Scalars.String, A("opt1", Scalars.Int, "0"), A("opt2", Scalars.Int, "0")),
                F("multipleOptAndReq", Scalars.String, A("req1", NN(Scalars.Int)), A("req2", NN(Scalars.Int)), A("opt1", Scalars.Int, "0"), A("opt2", Scalars.Int, "0")),
            ]);

        var queryRoot = new ObjectType(
            "QueryRoot",
            () =>
            [
                F("human", human, A("id", Scalars.ID)),
                F("alien", alien),
                F("dog", dog),
                F("cat", cat),
                F("pet", pet),
                F("catOrDog", catOrDog),
                F("dogOrHuman", dogOrHuman),
                F("humanOrAlien", humanOrAlien),
                F("complicatedArgs", complicatedArgs),
            ]);
        var mutationRoot = new ObjectType("MutationRoot", () => [F("renameDog", dog, A("name", NN(Scalars.String)))]);
        var subscriptionRoot = new ObjectType(
            "SubscriptionRoot",
            () =>
            [
                F("importantEmails", L(Scalars.String)),
                F("notImportantEmails", L(Scalars.String)),
                F("moreImportantEmails", L(Scalars.String)),
                F("spamEmails", L(Scalars.String)),
                F("deletedEmails", L(Scalars.String)),
                F("newMessage", L(Scalars.String)),
            ]);

        return new Schema(new SchemaConfig
        {
            Query = queryRoot,
            Mutation = mutationRoot,
            Subscription = subscriptionRoot,
            Types = [being, mammal, pet, canine, intelligent, dog, cat, human, alien],
            Directives =
            [
                .. Directives.Specified,
                D("onQuery", DirectiveLocation.QUERY),
                D("onMutation", DirectiveLocation.MUTATION),
                D("onSubscription", DirectiveLocation.SUBSCRIPTION),
                D("onField", DirectiveLocation.FIELD),
                D("onFragmentDefinition", DirectiveLocation.FRAGMENT_DEFINITION),
                D("onFragmentSpread", DirectiveLocation.FRAGMENT_SPREAD),
                D("onInlineFragment", DirectiveLocation.INLINE_FRAGMENT),
                D("onVariableDefinition", DirectiveLocation.VARIABLE_DEFINITION),
                D("directive", DirectiveLocation.FIELD, DirectiveLocation.FRAGMENT_SPREAD, DirectiveLocation.INLINE_FRAGMENT),
                D("directiveA", DirectiveLocation.FIELD),
                D("directiveB", DirectiveLocation.FIELD),
                new DirectiveDefinition("repeatable", [DirectiveLocation.FIELD, DirectiveLocation.QUERY]) { IsRepeatable = true },
                new DirectiveDefinition("withArgs", [DirectiveLocation.FIELD]) { Arguments = [A("required", NN(Scalars.String)), A("optional", Scalars.Int)] },
                D("onSchema", DirectiveLocation.SCHEMA),
                D("onScalar", DirectiveLocation.SCALAR),
                D("onObject", DirectiveLocation.OBJECT),
                D("onFieldDefinition", DirectiveLocation.FIELD_DEFINITION),
                D("onArgumentDefinition", DirectiveLocation.ARGUMENT_DEFINITION),
                D("onInterface", DirectiveLocation.INTERFACE),
                D("onUnion", DirectiveLocation.UNION),
                D("onEnum", DirectiveLocation.ENUM),
                D("onEnumValue", DirectiveLocation.ENUM_VALUE),
                D("onInputObject", DirectiveLocation.INPUT_OBJECT),
                D("onInputFieldDefinition", DirectiveLocation.INPUT_FIELD_DEFINITION),
            ],
        });
    }
}
