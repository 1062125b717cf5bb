using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Voting.GraphQL.Fetching;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>
/// Code-first schemas: maps C# types to GraphQL types the way HotChocolate does (camelCase fields,
/// <c>Get</c>/<c>Async</c> trimmed from methods, nullability from C# annotations, UPPER_SNAKE enum
/// values, <c>XxxInput</c> input objects, interfaces without the <c>I</c>) and compiles one resolver
/// delegate per property or method with expression trees, so no reflection runs per call.
/// </summary>
internal sealed class ClrSchemaFactory
{
    private readonly NullabilityInfoContext _nullability = new();
    private readonly Options _options;
    private readonly Dictionary<Type, NamedType> _outputTypes = [];
    private readonly Dictionary<Type, InputObjectType> _inputTypes = [];
    private readonly Dictionary<Type, EnumType> _enumTypes = [];
    private readonly Dictionary<Type, ScalarType> _scalars = [];
    private readonly Dictionary<string, NamedType> _byName = new(StringComparer.Ordinal);
    private readonly Queue<NamedType> _unexpanded = new();
    private readonly Dictionary<Type, ObjectType> _objectsByClrType = [];
    private readonly List<NamedType> _configuredTypes = [];
    private readonly List<DirectiveDefinition> _configuredDirectives = [];
    private readonly SchemaBuildContext _context;
    private bool _usesCostDirectives;

    private ClrSchemaFactory(Options options)
    {
        _options = options;
        _context = new SchemaBuildContext(this);
        foreach (var scalar in Scalars.Specified.Concat(options.Scalars.Values))
        {
            if (scalar.RuntimeType is { } runtimeType && scalar != Scalars.ID)
            {
                _scalars[runtimeType] = scalar;
            }
        }

        _scalars[typeof(float)] = Scalars.Float;
        _scalars[typeof(short)] = Scalars.Int;
        _scalars[typeof(byte)] = Scalars.Int;
        _scalars[typeof(DateTime)] = Scalars.DateTime;
        foreach (var type in options.Types)
        {
            _byName[type.Name] = type;
        }
    }

    public static Schema Build(Options options)
    {
        var factory = new ClrSchemaFactory(options);
        return factory.Build();
    }

    private Schema Build()
    {
        var query = _options.Query is null ? null : RootType(_options.Query, "Query", OperationType.Query);
        var mutation = _options.Mutation is null ? null : RootType(_options.Mutation, "Mutation", OperationType.Mutation);
        var subscription = _options.Subscription is null ? null : RootType(_options.Subscription, "Subscription", OperationType.Subscription);
        var added = _options.ClrTypes.Select(t => (NamedType)OutputNamedType(t)).ToList();

        // Expanding a type's fields discovers the types they use; keep going until nothing new turns
        // up, so interfaces and union members are all known before they are asked for.
        while (_unexpanded.TryDequeue(out var type))
        {
            switch (type)
            {
                case ComplexType complex:
                    _ = complex.Fields;
                    break;
                case InputObjectType input:
                    _ = input.Fields;
                    break;
            }
        }

        return new Schema(new SchemaConfig
        {
            Query = query,
            Mutation = mutation,
            Subscription = subscription,
            // Roots first, then what was added: the printed SDL reads top-down from the entry points.
            Types = [.. new[] { query, mutation, subscription }.OfType<NamedType>(), .. added, .. _options.Types, .. _configuredTypes],
            // Distinct: an attribute may define a cost directive that [Cost] or [ListSize] also brings.
            Directives = [.. new[] { Directives.Specified, _options.Directives, _usesCostDirectives ? CostDirectives.All : [], _configuredDirectives }.SelectMany(d => d).Distinct()],
        });
    }

    // [Cost] and [ListSize] become the directives cost analysis reads; the schema then defines them.
    private IReadOnlyList<DirectiveNode> CostDirectivesOf(MemberInfo member)
    {
        List<DirectiveNode>? applied = null;
        if (member.GetCustomAttribute<CostAttribute>() is { } cost)
        {
            (applied ??= []).Add(CostDirectives.ApplyCost(cost.Weight));
        }

        if (member.GetCustomAttribute<ListSizeAttribute>() is { } listSize)
        {
            (applied ??= []).Add(CostDirectives.ApplyListSize(
                listSize.AssumedSize < 0 ? null : listSize.AssumedSize,
                listSize.SlicingArguments,
                listSize.SizedFields,
                listSize.RequireOneSlicingArgument));
        }

        if (applied is null)
        {
            return [];
        }

        _usesCostDirectives = true;
        return applied;
    }

    private ObjectType RootType(Type clrType, string name, OperationType operation)
    {
        var type = CreateObjectType(clrType, name, operation);
        _outputTypes[clrType] = type;
        return type;
    }

    private NamedType OutputNamedType(Type clrType)
    {
        if (_outputTypes.TryGetValue(clrType, out var existing))
        {
            return existing;
        }

        if (_scalars.TryGetValue(clrType, out var scalar))
        {
            return scalar;
        }

        if (clrType.IsEnum)
        {
            return EnumTypeOf(clrType);
        }

        NamedType type;
        if (clrType.IsInterface && clrType.GetCustomAttribute<UnionTypeAttribute>() is { } union)
        {
            var name = union.Name ?? NameOf(clrType, ClrNaming.InterfaceName(ClrNaming.StripGenericArity(clrType.Name)));
            type = new UnionType(name, () => _objectsByClrType.Where(o => clrType.IsAssignableFrom(o.Key)).Select(o => o.Value).ToList())
            {
                Description = DescriptionOf(clrType),
                ResolveType = ResolveByClrType,
            };
        }
        else if (clrType.IsInterface)
        {
            var name = NameOf(clrType, ClrNaming.InterfaceName(ClrNaming.StripGenericArity(clrType.Name)));
            type = new InterfaceType(name, () => Fields(clrType, OperationType.Query), () => InterfacesOf(clrType))
            {
                Description = DescriptionOf(clrType),
                AppliedDirectives = ConfigureType(clrType, name, isInterface: true),
                ResolveType = ResolveByClrType,
            };
        }
        else if (clrType.IsClass || (clrType.IsValueType && !clrType.IsPrimitive))
        {
            type = CreateObjectType(clrType, NameOf(clrType, ClrNaming.StripGenericArity(clrType.Name)), OperationType.Query);
        }
        else
        {
            throw new InvalidOperationException($"Cannot map the CLR type {clrType} to a GraphQL output type.");
        }

        _outputTypes[clrType] = type;
        Register(type);
        return type;
    }

    private ObjectType CreateObjectType(Type clrType, string name, OperationType operation)
    {
        var type = new ObjectType(name, () => Fields(clrType, operation), () => InterfacesOf(clrType))
        {
            Description = DescriptionOf(clrType),
            AppliedDirectives = ConfigureType(clrType, name, isInterface: false),
            RuntimeType = clrType,
            IsTypeOf = clrType.IsInstanceOfType,
        };
        _objectsByClrType[clrType] = type;
        Register(type);
        return type;
    }

    // The type's own FieldConfigurationAttributes, by Order, shape the type itself (its directives).
    private IReadOnlyList<DirectiveNode> ConfigureType(Type clrType, string name, bool isInterface)
    {
        var type = new TypeConfiguration(_context, clrType, name, isInterface);
        foreach (var configuration in clrType.GetCustomAttributes<FieldConfigurationAttribute>(inherit: true).OrderBy(a => a.Order))
        {
            configuration.ConfigureType(type);
        }

        return [.. type.AppliedDirectives];
    }

    private void Register(NamedType type)
    {
        if (_byName.TryGetValue(type.Name, out var existing) && !ReferenceEquals(existing, type))
        {
            throw new SchemaValidationException($"Schema must contain uniquely named types but contains multiple types named \"{type.Name}\".");
        }

        _byName[type.Name] = type;
        _unexpanded.Enqueue(type);
    }

    private string? ResolveByClrType(object value, IResolverContext context)
    {
        for (var type = value.GetType(); type is not null; type = type.BaseType)
        {
            if (_objectsByClrType.TryGetValue(type, out var objectType))
            {
                return objectType.Name;
            }
        }

        return null;
    }

    // Only C# interfaces that are themselves mapped (used as a field type or added) become GraphQL
    // interfaces; IEquatable and the like stay out.
    private List<InterfaceType> InterfacesOf(Type clrType) =>
        [.. clrType.GetInterfaces().Select(i => _outputTypes.GetValueOrDefault(i)).OfType<InterfaceType>()];

    private EnumType EnumTypeOf(Type clrType)
    {
        if (_enumTypes.TryGetValue(clrType, out var existing))
        {
            return existing;
        }

        var values = clrType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.GetCustomAttribute<GraphQLIgnoreAttribute>() is null)
            .Select(f => new EnumValueDefinition(f.GetCustomAttribute<GraphQLNameAttribute>()?.Name ?? ClrNaming.UpperSnakeCase(f.Name), f.GetValue(null))
            {
                Description = DescriptionOf(f),
                DeprecationReason = DeprecationOf(f),
            });
        var type = new EnumType(NameOf(clrType, clrType.Name), values)
        {
            Description = DescriptionOf(clrType),
            RuntimeType = clrType,
        };
        _enumTypes[clrType] = type;
        Register(type);
        return type;
    }

    private InputObjectType InputObjectTypeOf(Type clrType)
    {
        if (_inputTypes.TryGetValue(clrType, out var existing))
        {
            return existing;
        }

        var baseName = ClrNaming.StripGenericArity(clrType.Name);
        var name = clrType.GetCustomAttribute<GraphQLNameAttribute>()?.Name
            ?? (baseName.EndsWith("Input", StringComparison.Ordinal) ? baseName : baseName + "Input");
        var properties = InputProperties(clrType);
        var factory = InputFactory.Compile(clrType, properties);
        ResolverRuntime.RegisterInputFactory(clrType, factory);
        var type = new InputObjectType(name, () => properties.Select(p => new InputFieldDefinition(
            MemberName(p, ClrNaming.CamelCase(p.Name)),
            ExplicitType(p) ?? InputType(p.PropertyType, _nullability.Create(p), p))
        {
            Description = DescriptionOf(p),
            DeprecationReason = DeprecationOf(p),
        }).ToList())
        {
            Description = DescriptionOf(clrType),
            RuntimeType = clrType,
            CreateRuntimeValue = factory,
        };
        _inputTypes[clrType] = type;
        Register(type);
        return type;
    }

    private static List<PropertyInfo> InputProperties(Type clrType) =>
        [.. clrType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null && p.GetCustomAttribute<GraphQLIgnoreAttribute>() is null)];

    private List<FieldDefinition> Fields(Type clrType, OperationType operation)
    {
        var fields = new List<FieldDefinition>();
        foreach (var property in clrType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.GetMethod is not null && property.GetCustomAttribute<GraphQLIgnoreAttribute>() is null)
            {
                fields.Add(PropertyField(clrType, property));
            }
        }

        foreach (var method in clrType.GetMethods(BindingFlags.Public | BindingFlags.Instance))
        {
            if (IsFieldMethod(method))
            {
                fields.Add(MethodField(clrType, method, operation));
            }
        }

        return fields;
    }

    private static bool IsFieldMethod(MethodInfo method) =>
        !method.IsSpecialName
        && !method.IsGenericMethodDefinition
        && method.DeclaringType != typeof(object)
        && method.ReturnType != typeof(void)
        && method.ReturnType != typeof(Task)
        && method.ReturnType != typeof(ValueTask)
        && method.GetCustomAttribute<GraphQLIgnoreAttribute>() is null
        && method.Name is not ("Equals" or "GetHashCode" or "ToString" or "GetType" or "Deconstruct" or "PrintMembers" or "<Clone>$" or "GetEnumerator")
        && method.GetParameters().All(p => !p.ParameterType.IsByRef);

    private FieldDefinition PropertyField(Type clrType, PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(IResolverContext), "context");
        var target = Expression.Call(typeof(ResolverRuntime), nameof(ResolverRuntime.Instance), [clrType], instance);
        var body = Expression.Call(typeof(ResolverRuntime), nameof(ResolverRuntime.FromResult), [property.PropertyType], Expression.Property(target, property));
        var field = new FieldConfiguration(
            _context,
            property,
            clrType,
            MemberName(property, ClrNaming.CamelCase(property.Name)),
            ExplicitType(property) ?? OutputType(property.PropertyType, _nullability.Create(property), property),
            property.PropertyType,
            Expression.Lambda<FieldResolver>(body, instance).Compile())
        {
            Description = DescriptionOf(property),
            DeprecationReason = DeprecationOf(property),
            PureResolver = IsRoot(clrType) ? null : CompileGetter(clrType, property),
        };
        return Configure(field, CostDirectivesOf(property), []);
    }

    // The member's FieldConfigurationAttributes, then its type's, each set by Order, with those of implemented
    // interfaces that apply to implementations after each (see the attribute's remarks).
    private static FieldDefinition Configure(FieldConfiguration field, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<ArgumentDefinition> arguments)
    {
        foreach (var directive in directives)
        {
            field.AppliedDirectives.Add(directive);
        }

        foreach (var argument in arguments)
        {
            field.Arguments.Add(argument);
        }

        var type = field.DeclaringType;
        var interfaces = type.IsInterface ? [] : type.GetInterfaces();
        var implemented = interfaces.Select(i => ImplementedMember(type, i, field.Member)).OfType<MemberInfo>().ToList();
        var configurations = AttributesOn(field.Member, fromInterface: false)
            .Concat(implemented.SelectMany(m => AttributesOn(m, fromInterface: true)))
            .Concat(AttributesOn(type, fromInterface: false))
            .Concat(interfaces.Where(i => implemented.Exists(m => m.DeclaringType == i)).SelectMany(i => AttributesOn(i, fromInterface: true)));
        foreach (var (target, configuration) in configurations)
        {
            field.AttributeTarget = target;
            configuration.Configure(field);
        }

        field.AttributeTarget = field.Member;
        return field.ToDefinition();
    }

    private static IEnumerable<(MemberInfo Target, FieldConfigurationAttribute Attribute)> AttributesOn(MemberInfo target, bool fromInterface) =>
        target.GetCustomAttributes<FieldConfigurationAttribute>(inherit: true)
            .Where(a => !fromInterface || a.AppliesToImplementations)
            .OrderBy(a => a.Order)
            .Select(a => (target, a));

    // The property or method of the interface that member implements on type, or null.
    private static MemberInfo? ImplementedMember(Type type, Type @interface, MemberInfo member)
    {
        var method = member switch
        {
            PropertyInfo property => property.GetMethod,
            MethodInfo m => m,
            _ => null,
        };
        if (method is null)
        {
            return null;
        }

        var map = type.GetInterfaceMap(@interface);
        var index = Array.FindIndex(map.TargetMethods, m => m.MethodHandle == method.MethodHandle);
        if (index < 0)
        {
            return null;
        }

        var implemented = map.InterfaceMethods[index];
        return member is PropertyInfo ? Array.Find(@interface.GetProperties(), p => p.GetMethod == implemented) : implemented;
    }

    // A root type's instance comes from the services, not from the parent value, so its getters are not pure.
    private bool IsRoot(Type clrType) => clrType == _options.Query || clrType == _options.Mutation || clrType == _options.Subscription;

    private static Func<object?, object?> CompileGetter(Type clrType, PropertyInfo property)
    {
        var parent = Expression.Parameter(typeof(object), "parent");
        var body = Expression.Convert(Expression.Property(Expression.Convert(parent, clrType), property), typeof(object));
        return Expression.Lambda<Func<object?, object?>>(body, parent).Compile();
    }

    private FieldDefinition MethodField(Type clrType, MethodInfo method, OperationType operation)
    {
        var context = Expression.Parameter(typeof(IResolverContext), "context");
        var arguments = new List<ArgumentDefinition>();
        var callArguments = new List<Expression>();
        foreach (var parameter in method.GetParameters())
        {
            var parameterType = parameter.ParameterType;
            if (parameterType == typeof(CancellationToken))
            {
                callArguments.Add(Expression.Property(context, nameof(IResolverContext.CancellationToken)));
            }
            else if (parameterType == typeof(IServiceProvider))
            {
                callArguments.Add(Expression.Coalesce(
                    Expression.Property(context, nameof(IResolverContext.RequestServices)),
                    Expression.Throw(Expression.New(typeof(InvalidOperationException).GetConstructor([typeof(string)])!, Expression.Constant("The request has no services.")), typeof(IServiceProvider))));
            }
            else if (parameterType == typeof(IResolverContext))
            {
                callArguments.Add(context);
            }
            else if (typeof(IDataLoader).IsAssignableFrom(parameterType) && parameterType.IsClass)
            {
                // A DataLoader parameter is the request's instance of that loader, not an argument.
                callArguments.Add(Expression.Call(
                    Expression.Property(context, nameof(IResolverContext.DataLoaders)),
                    nameof(DataLoaderScope.GetOrCreate),
                    [parameterType]));
            }
            else if (parameter.GetCustomAttribute<ServiceAttribute>() is not null)
            {
                callArguments.Add(Expression.Call(typeof(ResolverRuntime), nameof(ResolverRuntime.Service), [parameterType], context));
            }
            else if (parameter.GetCustomAttribute<EventMessageAttribute>() is not null)
            {
                callArguments.Add(Expression.Call(typeof(ResolverRuntime), nameof(ResolverRuntime.EventMessage), [parameterType], context));
            }
            else if (parameterType == typeof(SubscriptionEvent))
            {
                callArguments.Add(Expression.Call(typeof(ResolverRuntime), nameof(ResolverRuntime.Event), Type.EmptyTypes, context));
            }
            else if (parameter.GetCustomAttribute<ParentAttribute>() is not null)
            {
                callArguments.Add(Expression.Call(typeof(ResolverRuntime), nameof(ResolverRuntime.Convert), [parameterType], Expression.Property(context, nameof(IResolverContext.Parent))));
            }
            else
            {
                var name = MemberName(parameter, ClrNaming.CamelCase(parameter.Name ?? $"arg{parameter.Position}"));
                var type = ExplicitType(parameter) ?? InputType(parameterType, _nullability.Create(parameter), parameter);
                arguments.Add(new ArgumentDefinition(name, type)
                {
                    Description = DescriptionOf(parameter),
                    DeprecationReason = DeprecationOf(parameter),
                    DefaultValue = parameter.HasDefaultValue ? ClrLiteral.From(DefaultOf(parameter), type) : null,
                    RuntimeType = parameterType,
                });
                callArguments.Add(Expression.Call(typeof(ResolverRuntime), nameof(ResolverRuntime.Argument), [parameterType], context, Expression.Constant(name)));
            }
        }

        var target = Expression.Call(typeof(ResolverRuntime), nameof(ResolverRuntime.Instance), [clrType], context);
        var call = Expression.Call(target, method, callArguments);
        var returnType = method.ReturnType;
        var nullability = _nullability.Create(method.ReturnParameter);
        var (resultType, resultNullability, body) = Adapt(call, returnType, nullability);

        FieldResolver resolver;
        FieldResolver? subscriber = null;
        if (operation == OperationType.Subscription && ClrTypes.IsGeneric(resultType, typeof(IAsyncEnumerable<>)))
        {
            // A subscription field's method yields the event stream; each event is the field's value.
            subscriber = Expression.Lambda<FieldResolver>(body, context).Compile();
            resolver = ResolverRuntime.ParentAsResult;
            resultNullability = resultNullability.GenericTypeArguments[0];
            resultType = resultType.GetGenericArguments()[0];
        }
        else
        {
            resolver = Expression.Lambda<FieldResolver>(body, context).Compile();
        }

        var field = new FieldConfiguration(
            _context,
            method,
            clrType,
            MemberName(method, ClrNaming.MethodFieldName(method.Name)),
            ExplicitType(method) ?? OutputType(resultType, resultNullability, method),
            resultType,
            resolver)
        {
            Description = DescriptionOf(method),
            DeprecationReason = DeprecationOf(method),
            Subscriber = subscriber,
            ResolvesToParent = subscriber is not null,
        };
        return Configure(field, CostDirectivesOf(method), arguments);
    }

    // Reflection reports an enum parameter's default as its underlying number.
    private static object? DefaultOf(ParameterInfo parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        return type.IsEnum && parameter.DefaultValue is { } value ? Enum.ToObject(type, value) : parameter.DefaultValue;
    }

    // Task<T>, ValueTask<T> and IAsyncEnumerable<T> results: the GraphQL type is T's (or the stream's).
    private static (Type Type, NullabilityInfo Nullability, Expression Body) Adapt(Expression call, Type returnType, NullabilityInfo nullability)
    {
        if (ClrTypes.IsGeneric(returnType, typeof(Task<>)))
        {
            var inner = returnType.GetGenericArguments()[0];
            var method = ClrTypes.IsGeneric(inner, typeof(IAsyncEnumerable<>)) ? nameof(ResolverRuntime.FromStreamTask) : nameof(ResolverRuntime.FromTask);
            var typeArgument = method == nameof(ResolverRuntime.FromStreamTask) ? inner.GetGenericArguments()[0] : inner;
            return (inner, nullability.GenericTypeArguments[0], Expression.Call(typeof(ResolverRuntime), method, [typeArgument], call));
        }

        if (ClrTypes.IsGeneric(returnType, typeof(ValueTask<>)))
        {
            var inner = returnType.GetGenericArguments()[0];
            return (inner, nullability.GenericTypeArguments[0], Expression.Call(typeof(ResolverRuntime), nameof(ResolverRuntime.FromValueTask), [inner], call));
        }

        if (ClrTypes.IsGeneric(returnType, typeof(IAsyncEnumerable<>)))
        {
            return (returnType, nullability, Expression.Call(typeof(ResolverRuntime), nameof(ResolverRuntime.FromStream), [returnType.GetGenericArguments()[0]], call));
        }

        return (returnType, nullability, Expression.Call(typeof(ResolverRuntime), nameof(ResolverRuntime.FromResult), [returnType], call));
    }

    private GraphQLType OutputType(Type clrType, NullabilityInfo nullability, ICustomAttributeProvider member) =>
        MapType(clrType, nullability, member, input: false);

    private GraphQLType InputType(Type clrType, NullabilityInfo nullability, ICustomAttributeProvider member) =>
        MapType(clrType, nullability, member, input: true);

    private GraphQLType MapType(Type clrType, NullabilityInfo nullability, ICustomAttributeProvider member, bool input)
    {
        var nullable = true;
        if (Nullable.GetUnderlyingType(clrType) is { } underlying)
        {
            clrType = underlying;
        }
        else if (clrType.IsValueType || nullability.ReadState == NullabilityState.NotNull)
        {
            nullable = false;
        }

        GraphQLType type;
        if (ClrTypes.IsGeneric(clrType, typeof(IAsyncEnumerable<>)) || (clrType != typeof(string) && ClrTypes.GetElementType(clrType) is not null))
        {
            var elementType = ClrTypes.IsGeneric(clrType, typeof(IAsyncEnumerable<>)) ? clrType.GetGenericArguments()[0] : ClrTypes.GetElementType(clrType)!;
            var elementNullability = nullability.ElementType ?? nullability.GenericTypeArguments.FirstOrDefault() ?? nullability;
            type = new ListType(MapType(elementType, elementNullability, member, input));
        }
        else if (member.IsDefined(typeof(IDAttribute), inherit: true))
        {
            type = Scalars.ID;
        }
        else if (_scalars.TryGetValue(clrType, out var scalar))
        {
            type = scalar;
        }
        else if (clrType.IsEnum)
        {
            type = EnumTypeOf(clrType);
        }
        else if (input)
        {
            type = clrType.IsInterface || clrType.IsAbstract
                ? throw new InvalidOperationException($"Cannot map {clrType} to a GraphQL input type: input objects are made from concrete classes and records.")
                : InputObjectTypeOf(clrType);
        }
        else
        {
            type = OutputNamedType(clrType);
        }

        return nullable ? type : new NonNullType(type);
    }

    internal GraphQLType MapClrType(Type clrType, bool nullable, bool input)
    {
        GraphQLType type;
        if (Nullable.GetUnderlyingType(clrType) is { } underlying)
        {
            clrType = underlying;
            nullable = true;
        }

        if (ClrTypes.IsGeneric(clrType, typeof(IAsyncEnumerable<>)) || (clrType != typeof(string) && ClrTypes.GetElementType(clrType) is not null))
        {
            var elementType = ClrTypes.IsGeneric(clrType, typeof(IAsyncEnumerable<>)) ? clrType.GetGenericArguments()[0] : ClrTypes.GetElementType(clrType)!;
            type = new ListType(MapClrType(elementType, nullable: false, input));
        }
        else if (_scalars.TryGetValue(clrType, out var scalar))
        {
            type = scalar;
        }
        else if (clrType.IsEnum)
        {
            type = EnumTypeOf(clrType);
        }
        else if (input)
        {
            type = InputObjectTypeOf(clrType);
        }
        else
        {
            type = OutputNamedType(clrType);
        }

        return nullable ? type : new NonNullType(type);
    }

    internal ScalarType? FindScalar(Type clrType) => _scalars.GetValueOrDefault(clrType);

    internal T GetOrAddType<T>(string name, Func<T> create)
        where T : NamedType
    {
        if (_byName.TryGetValue(name, out var existing))
        {
            return existing as T ?? throw new SchemaValidationException($"The type \"{name}\" already exists as {existing.GetType().Name}, not {typeof(T).Name}.");
        }

        var type = create();
        if (type.Name != name)
        {
            throw new InvalidOperationException($"The type made for \"{name}\" is named \"{type.Name}\".");
        }

        Register(type);
        _configuredTypes.Add(type);
        return type;
    }

    internal void AddDirective(DirectiveDefinition directive)
    {
        var existing = _configuredDirectives.Find(d => d.Name == directive.Name) ?? _options.Directives.FirstOrDefault(d => d.Name == directive.Name);
        if (existing is null)
        {
            _configuredDirectives.Add(directive);
        }
        else if (!ReferenceEquals(existing, directive))
        {
            throw new SchemaValidationException($"The directive @{directive.Name} is defined twice.");
        }
    }

    private GraphQLType? ExplicitType(ICustomAttributeProvider member)
    {
        var attribute = (GraphQLTypeAttribute?)member.GetCustomAttributes(typeof(GraphQLTypeAttribute), inherit: true).FirstOrDefault();
        return attribute is null ? null : ParseTypeReference(attribute.TypeReference.Trim());
    }

    // A type reference is three productions (spec 2.11 Type); not worth the parser for.
    private GraphQLType ParseTypeReference(string text)
    {
        if (text.EndsWith('!'))
        {
            return new NonNullType(ParseTypeReference(text[..^1].TrimEnd()));
        }

        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            return new ListType(ParseTypeReference(text[1..^1].Trim()));
        }

        return _byName.GetValueOrDefault(text)
            ?? Scalars.FindSpecified(text)
            ?? _options.Scalars.GetValueOrDefault(text)
            ?? throw new InvalidOperationException($"Unknown type: \"{text}\".");
    }

    private static string NameOf(MemberInfo member, string fallback) =>
        member.GetCustomAttribute<GraphQLNameAttribute>()?.Name ?? fallback;

    private static string MemberName(ICustomAttributeProvider member, string fallback) =>
        ((GraphQLNameAttribute?)member.GetCustomAttributes(typeof(GraphQLNameAttribute), inherit: true).FirstOrDefault())?.Name ?? fallback;

    private static string? DescriptionOf(ICustomAttributeProvider member) =>
        ((GraphQLDescriptionAttribute?)member.GetCustomAttributes(typeof(GraphQLDescriptionAttribute), inherit: true).FirstOrDefault())?.Description;

    private static string? DeprecationOf(ICustomAttributeProvider member) =>
        ((GraphQLDeprecatedAttribute?)member.GetCustomAttributes(typeof(GraphQLDeprecatedAttribute), inherit: true).FirstOrDefault())?.Reason
        ?? ((ObsoleteAttribute?)member.GetCustomAttributes(typeof(ObsoleteAttribute), inherit: true).FirstOrDefault()) switch
        {
            null => null,
            { Message: { } message } => message,
            _ => Directives.DefaultDeprecationReason,
        };

    internal sealed record Options(
        Type? Query,
        Type? Mutation,
        Type? Subscription,
        IReadOnlyList<Type> ClrTypes,
        IReadOnlyList<NamedType> Types,
        IReadOnlyList<DirectiveDefinition> Directives,
        IReadOnlyDictionary<string, ScalarType> Scalars);

    /// <summary>Builds CLR input objects from coerced field maps with a compiled constructor call and property sets.</summary>
    private static class InputFactory
    {
        public static Func<IReadOnlyDictionary<string, object?>, object> Compile(Type clrType, IReadOnlyList<PropertyInfo> properties)
        {
            var fields = Expression.Parameter(typeof(IReadOnlyDictionary<string, object?>), "fields");
            var byName = properties.ToDictionary(p => MemberName(p, ClrNaming.CamelCase(p.Name)), p => p);

            // Records bind through their primary constructor; classes through settable properties.
            var constructor = clrType.GetConstructors()
                .OrderByDescending(c => c.GetParameters().Length)
                .FirstOrDefault(c => c.GetParameters().All(p => properties.Any(q => string.Equals(q.Name, p.Name, StringComparison.OrdinalIgnoreCase))))
                ?? throw new InvalidOperationException($"Cannot create {clrType} from an input object: it needs a public constructor whose parameters match its properties.");
            var bound = new HashSet<PropertyInfo>();
            var constructorArguments = new List<Expression>();
            foreach (var parameter in constructor.GetParameters())
            {
                var property = properties.First(q => string.Equals(q.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
                bound.Add(property);
                constructorArguments.Add(Read(fields, byName.First(p => p.Value == property).Key, parameter.ParameterType));
            }

            var instance = Expression.Variable(clrType, "instance");
            var body = new List<Expression> { Expression.Assign(instance, Expression.New(constructor, constructorArguments)) };
            foreach (var (name, property) in byName)
            {
                if (!bound.Contains(property) && property.SetMethod is { IsPublic: true })
                {
                    // Leave an absent field at the property's own initial value rather than default(T).
                    var value = Expression.Variable(typeof(object), "value");
                    body.Add(Expression.Block(
                        [value],
                        Expression.IfThen(
                            Expression.Call(fields, typeof(IReadOnlyDictionary<string, object?>).GetMethod(nameof(IReadOnlyDictionary<string, object?>.TryGetValue))!, Expression.Constant(name), value),
                            Expression.Assign(Expression.Property(instance, property), Expression.Call(typeof(ResolverRuntime), nameof(ResolverRuntime.Convert), [property.PropertyType], value)))));
                }
            }

            body.Add(Expression.Convert(instance, typeof(object)));
            return Expression.Lambda<Func<IReadOnlyDictionary<string, object?>, object>>(Expression.Block([instance], body), fields).Compile();
        }

        private static MethodCallExpression Read(ParameterExpression fields, string name, Type type) =>
            Expression.Call(
                typeof(ResolverRuntime),
                nameof(ResolverRuntime.Convert),
                [type],
                Expression.Call(typeof(CollectionExtensions), nameof(CollectionExtensions.GetValueOrDefault), [typeof(string), typeof(object)], fields, Expression.Constant(name)));
    }
}
