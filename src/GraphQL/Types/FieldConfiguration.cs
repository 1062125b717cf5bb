using System.Reflection;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>
/// A code-first field while its <see cref="FieldConfigurationAttribute"/>s run: everything the field
/// definition will hold, open to change, and <see cref="Schema"/> to map CLR types and add the types
/// and directives a change needs.
/// </summary>
public sealed class FieldConfiguration
{
    private FieldResolver _resolver;

    internal FieldConfiguration(SchemaBuildContext schema, MemberInfo member, Type declaringType, string name, GraphQLType type, Type resultType, FieldResolver resolver)
    {
        Schema = schema;
        Member = member;
        DeclaringType = declaringType;
        AttributeTarget = member;
        Name = name;
        Type = type;
        ResultType = resultType;
        _resolver = resolver;
    }

    /// <summary>The schema being built: type mapping and registration.</summary>
    public SchemaBuildContext Schema { get; }

    /// <summary>The property or method the field comes from.</summary>
    public MemberInfo Member { get; }

    /// <summary>The CLR type whose field this is.</summary>
    public Type DeclaringType { get; }

    /// <summary>
    /// Where the attribute configuring the field now was put: <see cref="Member"/>, <see cref="DeclaringType"/>
    /// (or a base class), or an interface or interface member the field implements.
    /// </summary>
    public MemberInfo AttributeTarget { get; internal set; }

    /// <summary>The field's name in the schema.</summary>
    public string Name { get; set; }

    /// <summary>The field's GraphQL type.</summary>
    public GraphQLType Type { get; set; }

    /// <summary>
    /// The CLR type of the value <see cref="Resolver"/> produces (a task's or a stream's result type, not
    /// the task): an attribute that changes what the resolver returns says so here.
    /// </summary>
    public Type ResultType { get; set; }

    /// <summary>For a subscription root field, whether <see cref="Subscriber"/> makes the stream (set when one does).</summary>
    public bool IsSubscription => Subscriber is not null;

    public string? Description { get; set; }

    public string? DeprecationReason { get; set; }

    /// <summary>The field's arguments, in order.</summary>
    public IList<ArgumentDefinition> Arguments { get; } = [];

    /// <summary>Directives applied to the field (printed in the SDL, read by cost analysis).</summary>
    public IList<DirectiveNode> AppliedDirectives { get; } = [];

    /// <summary>Produces the field's value. Setting it drops <see cref="PureResolver"/>: the field is no longer a plain getter.</summary>
    public FieldResolver Resolver
    {
        get => _resolver;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _resolver = value;
            PureResolver = null;
            ResolvesToParent = false;
        }
    }

    /// <summary>See <see cref="FieldDefinition.ResolvesToParent"/>; setting <see cref="Resolver"/> clears it.</summary>
    internal bool ResolvesToParent { get; set; }

    /// <summary>The getter the executor may call with no context, while the field is still a plain property.</summary>
    public Func<object?, object?>? PureResolver { get; set; }

    /// <summary>For subscription root fields: produces the source event stream (spec 6.2.3.1).</summary>
    public FieldResolver? Subscriber { get; set; }

    /// <summary>The argument named <paramref name="name"/>, or null.</summary>
    public ArgumentDefinition? GetArgument(string name) => Arguments.FirstOrDefault(a => a.Name == name);

    internal FieldDefinition ToDefinition() => new(Name, Type)
    {
        Description = Description,
        DeprecationReason = DeprecationReason,
        AppliedDirectives = [.. AppliedDirectives],
        Arguments = [.. Arguments],
        Resolver = Resolver,
        PureResolver = PureResolver,
        ResolvesToParent = ResolvesToParent,
        Subscriber = Subscriber,
    };
}
