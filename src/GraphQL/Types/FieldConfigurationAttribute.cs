namespace Voting.GraphQL.Types;

/// <summary>
/// The extension point of code-first schemas, HotChocolate's <c>ObjectFieldDescriptorAttribute</c>: an
/// attribute deriving from this one changes the field it is put on (a property or method) or, put on a
/// class or interface, every field of that type. Paging, filtering and sorting, authorization and topic
/// subscriptions are such attributes, so the type system knows none of them.
/// </summary>
/// <remarks>
/// Attributes on a member run before those on its type, each set in ascending <see cref="Order"/>:
/// an attribute that wraps the resolver therefore runs its check around everything configured before it,
/// and a type-level check runs before a field-level one. Those of implemented interfaces that
/// <see cref="AppliesToImplementations"/> run after the member's (interface members) and after the type's
/// (interface types) own. <see cref="FieldConfiguration.AttributeTarget"/> says where the running one was put.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = true, Inherited = true)]
public abstract class FieldConfigurationAttribute : Attribute
{
    /// <summary>Where this attribute runs among those on the same member: lower first.</summary>
    public int Order { get; init; }

    /// <summary>
    /// Whether, put on a C# interface or an interface's member, this attribute also configures the fields of
    /// the classes that implement it (after their own attributes). Off by default; an authorization check
    /// turns it on, since a resolver runs on the object type's field, never on the interface's.
    /// </summary>
    public virtual bool AppliesToImplementations => false;

    /// <summary>Changes <paramref name="field"/> while the schema is built; throw to refuse the schema.</summary>
    public abstract void Configure(FieldConfiguration field);

    /// <summary>
    /// Put on a class or interface: changes the object or interface type itself (e.g. applies a directive to
    /// it), once, when the type is created and before any of its fields is configured. Does nothing by default.
    /// </summary>
    public virtual void ConfigureType(TypeConfiguration type)
    {
    }
}
