using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>
/// A code-first object or interface type while the <see cref="FieldConfigurationAttribute"/>s on its class or
/// interface run <see cref="FieldConfigurationAttribute.ConfigureType"/>: the directives applied to the type.
/// </summary>
public sealed class TypeConfiguration
{
    internal TypeConfiguration(SchemaBuildContext schema, Type clrType, string name, bool isInterface)
    {
        Schema = schema;
        ClrType = clrType;
        Name = name;
        IsInterface = isInterface;
    }

    /// <summary>The schema being built: type mapping and registration, directive definitions.</summary>
    public SchemaBuildContext Schema { get; }

    /// <summary>The class, struct or interface the type comes from.</summary>
    public Type ClrType { get; }

    /// <summary>The type's name in the schema.</summary>
    public string Name { get; }

    /// <summary>An interface type (whose directives may not be those of OBJECT location) rather than an object type.</summary>
    public bool IsInterface { get; }

    /// <summary>Directives applied to the type (printed in the SDL).</summary>
    public IList<DirectiveNode> AppliedDirectives { get; } = [];
}
