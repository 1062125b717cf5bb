using Voting.GraphQL.Execution;
using Voting.GraphQL.Language;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Tests.Execution;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Types;

public sealed class FieldConfigurationAttributeTests
{
    [Fact]
    public async Task A_member_attribute_wraps_the_resolver_and_a_type_attribute_wraps_every_field_outside_it()
    {
        var schema = SchemaBuilder.New().AddQueryType<TracedQuery>().Create();

        var result = await ExecuteAsync(schema, "{ plain named(suffix: \"!\") }");

        // Member attributes run first (inner), in Order; the type's [Trace("type")] runs last (outermost).
        Assert.Equal("""{"data":{"plain":"type(value)","named":"type(second(first(name!)))"}}""", result);
    }

    [Fact]
    public void An_attribute_can_rename_retype_and_add_arguments_and_types_and_directives()
    {
        var schema = SchemaBuilder.New().AddQueryType<ReshapedQuery>().Create();

        var printed = SchemaPrinter.Print(schema);

        Assert.Contains("count(plus: Int! = 0): Wrapped!", printed, StringComparison.Ordinal);
        Assert.Contains("type Wrapped {\n  value: Int!\n}", printed, StringComparison.Ordinal);
        Assert.Contains("directive @traced on FIELD_DEFINITION", printed, StringComparison.Ordinal);
        var count = ((ObjectType)schema.GetType("Query")!).Fields["count"];
        Assert.Equal("traced", Assert.Single(count.AppliedDirectives).Name.Value);
    }

    [Fact]
    public async Task A_reshaped_field_resolves_through_the_new_resolver_with_its_added_argument()
    {
        var schema = SchemaBuilder.New().AddQueryType<ReshapedQuery>().Create();

        Assert.Equal("""{"data":{"count":{"value":44}}}""", await ExecuteAsync(schema, "{ count(plus: 2) { value } }"));
    }

    [Fact]
    public void Replacing_the_resolver_of_a_property_drops_its_pure_getter()
    {
        var schema = SchemaBuilder.New().AddQueryType<TracedQuery>().AddType<TracedChild>().Create();
        var child = (ObjectType)schema.GetType("TracedChild")!;

        Assert.Null(child.Fields["traced"].PureResolver);
        Assert.NotNull(child.Fields["untraced"].PureResolver);
    }

    [Fact]
    public void An_attribute_that_throws_refuses_the_schema()
    {
        var error = Assert.Throws<SchemaValidationException>(() => SchemaBuilder.New().AddQueryType<RefusedQuery>().Create());

        Assert.Equal("RefusedQuery.broken is refused.", error.Message);
    }

    [Fact]
    public void Adding_a_type_under_a_name_another_kind_holds_is_refused()
    {
        var error = Assert.Throws<SchemaValidationException>(() => SchemaBuilder.New().AddQueryType<ClashingQuery>().Create());

        Assert.Contains("\"Query\" already exists as ObjectType, not InputObjectType", error.Message, StringComparison.Ordinal);
    }

    private static async Task<string> ExecuteAsync(Schema schema, string document)
    {
        var result = await Executor.ExecuteAsync(new ExecutionRequest { Schema = schema, Document = Parser.Parse(document) }, TestContext.Current.CancellationToken);
        return ExecutorTests.Write(result);
    }

    private sealed class TraceAttribute(string label) : FieldConfigurationAttribute
    {
        public override void Configure(FieldConfiguration field)
        {
            var inner = field.Resolver;
            field.Resolver = async context => $"{label}({await inner(context).ConfigureAwait(false)})";
        }
    }

    [Trace("type")]
    public sealed class TracedQuery
    {
        public string Plain => "value";

        [Trace("second", Order = 2)]
        [Trace("first", Order = 1)]
        public string Named(string suffix) => "name" + suffix;

        public TracedChild Child => new();
    }

    public sealed class TracedChild
    {
        [Trace("child")]
        public string Traced => "t";

        public string Untraced => "u";
    }

    public sealed record Wrapped(int Value);

    private static readonly DirectiveDefinition Traced = new("traced", [DirectiveLocation.FIELD_DEFINITION]);

    private sealed class ReshapeAttribute : FieldConfigurationAttribute
    {
        public override void Configure(FieldConfiguration field)
        {
            var wrapped = field.Schema.OutputType(typeof(Wrapped));
            field.Name = "count";
            field.Type = wrapped;
            field.ResultType = typeof(Wrapped);
            field.Arguments.Add(new ArgumentDefinition("plus", field.Schema.InputType(typeof(int)))
            {
                DefaultValue = new IntValueNode { Value = "0" },
                RuntimeType = typeof(int),
            });
            field.Schema.AddDirective(Traced);
            field.AppliedDirectives.Add(new DirectiveNode { Name = new NameNode { Value = "traced" } });
            var inner = field.Resolver;
            field.Resolver = async context =>
            {
                context.TryGetArgument("plus", out var plus);
                return new Wrapped((int)(await inner(context).ConfigureAwait(false))! + (int)plus!);
            };
        }
    }

    public sealed class ReshapedQuery
    {
        [Reshape]
        public int Number => 42;
    }

    private sealed class RefuseAttribute : FieldConfigurationAttribute
    {
        public override void Configure(FieldConfiguration field) =>
            throw new SchemaValidationException($"{field.DeclaringType.Name}.{field.Name} is refused.");
    }

    public sealed class RefusedQuery
    {
        [Refuse]
        public int Broken => 1;
    }

    private sealed class ClashAttribute : FieldConfigurationAttribute
    {
        public override void Configure(FieldConfiguration field) =>
            field.Schema.GetOrAddType("Query", () => new InputObjectType("Query", () => []));
    }

    public sealed class ClashingQuery
    {
        [Clash]
        public int Value => 1;
    }
}
