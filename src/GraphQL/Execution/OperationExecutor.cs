using System.Collections;
using Microsoft.Extensions.DependencyInjection;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Execution;

/// <summary>
/// The algorithms of spec 6.3 and 6.4 for one request, named as the spec names them. Every step
/// returns a <see cref="ValueTask{TResult}"/> that is already complete when nothing was awaited, so a
/// query whose resolvers are synchronous runs without a single async state machine. Steps never
/// throw for a field's failure: errors are recorded, and a failure in a non-null position comes back
/// as a <see cref="NullPropagation"/> value that parents pass on until a nullable position takes it.
/// Awaits keep their context on purpose (<c>ConfigureAwait(true)</c>): continuations go back to the
/// request's <see cref="ExecutionSynchronizationContext"/>, so executor steps run one at a time.
/// </summary>
internal sealed class OperationExecutor(ExecutionState state)
{
    private static readonly IReadOnlyDictionary<string, object?> NoArguments = new Dictionary<string, object?>();

    /// <summary>Spec 6.3.1 ExecuteSelectionSet with normal (parallel) execution: async resolvers run concurrently.</summary>
    /// <param name="scopePerField">Root fields of a query: each runs in a DI scope of its own.</param>
    public ValueTask<object?> ExecuteFields(ObjectType parentType, object? source, ResponsePath? path, IReadOnlyList<CollectedField> fields, IServiceProvider? services, bool scopePerField)
    {
        var map = new ResultMap(fields);
        List<(int Slot, ValueTask<object?> Work)>? pending = null;
        foreach (var field in fields)
        {
            var work = scopePerField
                ? ExecuteFieldInOwnScope(parentType, source, field, FieldPath(path, field), services)
                : field.IsPureLeaf
                    ? new ValueTask<object?>(ExecutePureLeaf(parentType, source, field, path))
                    : ExecuteField(parentType, source, field, FieldPath(path, field), services);
            if (work.IsCompletedSuccessfully)
            {
                var value = work.Result;
                if (value is NullPropagation)
                {
                    // graphql-js stops at the first failure that nulls this object: later siblings
                    // never run, earlier async ones finish unobserved.
                    DetachAll(pending, 0);
                    return new ValueTask<object?>(value);
                }

                map.Add(value);
            }
            else
            {
                (pending ??= []).Add((map.Add(null), work));
            }
        }

        return pending is null ? new ValueTask<object?>(map) : AwaitFields(map, pending);
    }

    /// <summary>Spec 6.3.1 ExecuteSelectionSet with serial execution (mutations): one field after another.</summary>
    public async ValueTask<object?> ExecuteFieldsSerially(ObjectType parentType, object? source, IReadOnlyList<CollectedField> fields, IServiceProvider? services)
    {
        var map = new ResultMap(fields);
        foreach (var field in fields)
        {
            var value = await ExecuteField(parentType, source, field, ResponsePath.Root(field.ResponseName), services).ConfigureAwait(true);
            if (value is NullPropagation)
            {
                return value;
            }

            map.Add(value);
        }

        return map;
    }

    private async ValueTask<object?> AwaitFields(ResultMap map, List<(int Slot, ValueTask<object?> Work)> pending)
    {
        for (var i = 0; i < pending.Count; i++)
        {
            var value = await pending[i].Work.ConfigureAwait(true);
            if (value is NullPropagation)
            {
                DetachAll(pending, i + 1);
                return value;
            }

            map.Set(pending[i].Slot, value);
        }

        return map;
    }

    private ValueTask<object?> ExecuteFieldInOwnScope(ObjectType parentType, object? source, CollectedField field, ResponsePath path, IServiceProvider? services)
    {
        if (services?.GetService(typeof(IServiceScopeFactory)) is not IServiceScopeFactory factory)
        {
            return ExecuteField(parentType, source, field, path, services);
        }

        var scope = new LazyServiceScope(services, factory, services.GetService(typeof(IServiceProviderIsService)) as IServiceProviderIsService);
        var work = ExecuteField(parentType, source, field, path, scope);
        if (work.IsCompletedSuccessfully)
        {
            var disposal = scope.DisposeAsync();
            if (!disposal.IsCompletedSuccessfully)
            {
                state.Detach(AwaitDisposal(disposal));
            }

            return work;
        }

        return AwaitThenDispose(work, scope);

        static async ValueTask<object?> AwaitDisposal(ValueTask disposal)
        {
            await disposal.ConfigureAwait(true);
            return null;
        }

        static async ValueTask<object?> AwaitThenDispose(ValueTask<object?> work, LazyServiceScope scope)
        {
            await using (scope.ConfigureAwait(true))
            {
                return await work.ConfigureAwait(true);
            }
        }
    }

    private static ResponsePath FieldPath(ResponsePath? parent, CollectedField field) =>
        parent is null ? ResponsePath.Root(field.ResponseName) : parent.Field(field.ResponseName);

    /// <summary>
    /// ExecuteField for the most common field: a property of its parent (a pure resolver) whose type is
    /// a scalar or enum. Nothing is allocated for it (no resolver context, no response path) unless it fails.
    /// </summary>
    private object? ExecutePureLeaf(ObjectType parentType, object? source, CollectedField field, ResponsePath? parentPath)
    {
        var definition = field.Definition;
        var type = definition.Type;
        try
        {
            var result = field.PureResolver!(source);
            if (result is Exception exception)
            {
                throw exception;
            }

            var named = type is NonNullType nonNull ? nonNull.OfType : type;
            var completed = result is null ? null : named is ScalarType scalar ? CompleteLeafValue(scalar, result) : ((EnumType)named).Serialize(result);
            if (completed is null && type is NonNullType)
            {
                throw NonNullViolation(parentType, definition);
            }

            return completed;
        }
        catch (Exception exception)
        {
            return HandleFieldError(exception, type, field, FieldPath(parentPath, field));
        }
    }

    /// <summary>Spec 6.4 ExecuteField: coerce the arguments, resolve, complete; failures are handled here.</summary>
    private ValueTask<object?> ExecuteField(ObjectType parentType, object? source, CollectedField field, ResponsePath path, IServiceProvider? services)
    {
        var definition = field.Definition;
        var returnType = definition.Type;
        ResolverContext? context = null;
        try
        {
            var arguments = definition.Arguments.Count == 0 ? NoArguments : field.GetArguments(state);
            if (arguments is GraphQLException argumentError)
            {
                // Kept with the plan and shared by requests: reported, never rethrown.
                return new ValueTask<object?>(HandleFieldError(argumentError, returnType, field, path));
            }

            context = new ResolverContext(state, parentType, field, source, path, (IReadOnlyDictionary<string, object?>)arguments, services);
            var resolved = (definition.Resolver ?? DefaultFieldResolver.Instance)(context);
            if (!resolved.IsCompletedSuccessfully)
            {
                return CompleteResolvedAsync(resolved, returnType, context, path);
            }

            var completed = CompleteValue(returnType, context, path, resolved.Result);
            return completed.IsCompletedSuccessfully
                ? new ValueTask<object?>(TakeNull(completed.Result, returnType, path))
                : AwaitCompletion(completed, returnType, context, path);
        }
        catch (Exception exception)
        {
            return new ValueTask<object?>(HandleFieldError(exception, returnType, field, path));
        }
    }

    private async ValueTask<object?> CompleteResolvedAsync(ValueTask<object?> resolved, GraphQLType returnType, ResolverContext context, ResponsePath path)
    {
        try
        {
            var value = await resolved.ConfigureAwait(true);
            var completed = await CompleteValue(returnType, context, path, value).ConfigureAwait(true);
            return TakeNull(completed, returnType, path);
        }
        catch (Exception exception)
        {
            return HandleFieldError(exception, returnType, context.Field, path);
        }
    }

    private async ValueTask<object?> AwaitCompletion(ValueTask<object?> completion, GraphQLType type, ResolverContext context, ResponsePath path)
    {
        try
        {
            return TakeNull(await completion.ConfigureAwait(true), type, path);
        }
        catch (Exception exception)
        {
            return HandleFieldError(exception, type, context.Field, path);
        }
    }

    /// <summary>Spec 6.4.3 CompleteValue. Throws for a failure at this position; the caller handles it.</summary>
    private ValueTask<object?> CompleteValue(GraphQLType type, ResolverContext context, ResponsePath path, object? result)
    {
        if (type is NonNullType nonNull)
        {
            var inner = CompleteValue(nonNull.OfType, context, path, result);
            if (!inner.IsCompletedSuccessfully)
            {
                return EnsureNotNullAsync(inner, context);
            }

            return inner.Result is null ? throw NonNullViolation(context) : inner;
        }

        if (result is null)
        {
            return default;
        }

        if (result is Exception exception)
        {
            throw exception;
        }

        return type switch
        {
            ListType list => CompleteListValue(list, context, path, result),
            ScalarType scalar => new ValueTask<object?>(CompleteLeafValue(scalar, result)),
            EnumType enumType => new ValueTask<object?>(enumType.Serialize(result)),
            ObjectType objectType => CompleteObjectValue(objectType, context, path, result),
            _ => CompleteAbstractValue((NamedType)type, context, path, result),
        };
    }

    private async ValueTask<object?> EnsureNotNullAsync(ValueTask<object?> inner, ResolverContext context) =>
        await inner.ConfigureAwait(true) ?? throw NonNullViolation(context);

    private static GraphQLException NonNullViolation(ResolverContext context) => NonNullViolation(context.ParentType, context.FieldDefinition);

    private static GraphQLException NonNullViolation(ObjectType parentType, FieldDefinition field) =>
        new($"Cannot return null for non-nullable field {parentType.Name}.{field.Name}.", ErrorCodes.NonNullViolation);

    private static object CompleteLeafValue(ScalarType scalar, object result) =>
        scalar.Serialize(result) ?? throw new GraphQLException(
            $"Expected `{scalar.Name}.coerceOutputValue({Inspector.Inspect(result)})` to return non-nullable value, returned: null",
            ErrorCodes.InvalidResult);

    private ValueTask<object?> CompleteListValue(ListType listType, ResolverContext context, ResponsePath path, object result)
    {
        if (result is string or IDictionary or IReadOnlyDictionary<string, object?> || result is not IEnumerable items)
        {
            throw new GraphQLException($"Expected Iterable, but did not find one for field \"{context.ParentType.Name}.{context.FieldDefinition.Name}\".", ErrorCodes.InvalidResult);
        }

        var itemType = listType.OfType;
        var completed = result is ICollection collection ? new List<object?>(collection.Count) : [];
        List<(int Index, ValueTask<object?> Work)>? pending = null;
        var index = 0;
        foreach (var item in items)
        {
            var itemPath = path.Index(index);
            ValueTask<object?> work;
            try
            {
                work = CompleteValue(itemType, context, itemPath, item);
            }
            catch (Exception exception)
            {
                work = new ValueTask<object?>(HandleFieldError(exception, itemType, context.Field, itemPath));
            }

            if (work.IsCompletedSuccessfully)
            {
                var value = TakeNull(work.Result, itemType, itemPath);
                if (value is NullPropagation)
                {
                    DetachAll(pending, 0);
                    return new ValueTask<object?>(value);
                }

                completed.Add(value);
            }
            else
            {
                completed.Add(null);
                (pending ??= []).Add((index, AwaitCompletion(work, itemType, context, itemPath)));
            }

            index++;
        }

        return pending is null ? new ValueTask<object?>(completed) : AwaitItems(completed, pending);
    }

    private async ValueTask<object?> AwaitItems(List<object?> completed, List<(int Index, ValueTask<object?> Work)> pending)
    {
        for (var i = 0; i < pending.Count; i++)
        {
            var value = await pending[i].Work.ConfigureAwait(true);
            if (value is NullPropagation)
            {
                DetachAll(pending, i + 1);
                return value;
            }

            completed[pending[i].Index] = value;
        }

        return completed;
    }

    private ValueTask<object?> CompleteObjectValue(ObjectType type, ResolverContext context, ResponsePath path, object result)
    {
        if (type.IsTypeOf is { } isTypeOf && !isTypeOf(result))
        {
            throw new GraphQLException($"Expected value of type \"{type.Name}\" but got: {Inspector.Inspect(result)}.", ErrorCodes.InvalidResult);
        }

        var subfields = context.Field.GetSubfields(state, type);
        return ExecuteFields(type, result, path, subfields, context.RequestServices, scopePerField: false);
    }

    // Spec 6.4.3 ResolveAbstractType, then graphql-js's ensureValidRuntimeType.
    private ValueTask<object?> CompleteAbstractValue(NamedType abstractType, ResolverContext context, ResponsePath path, object result)
    {
        var resolveType = abstractType switch
        {
            InterfaceType i => i.ResolveType,
            UnionType u => u.ResolveType,
            _ => throw new InvalidOperationException($"Cannot complete a value of type {abstractType}."),
        };
        var typeName = resolveType is null ? DefaultResolveType(abstractType, result) : resolveType(result, context);
        var where = $"for field \"{context.ParentType.Name}.{context.FieldDefinition.Name}\"";
        if (typeName is null)
        {
            throw new GraphQLException(
                $"Abstract type \"{abstractType.Name}\" must resolve to an Object type at runtime {where}. Either the \"{abstractType.Name}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.",
                ErrorCodes.InvalidResult);
        }

        var runtimeType = state.Schema.GetType(typeName);
        if (runtimeType is null)
        {
            throw new GraphQLException($"Abstract type \"{abstractType.Name}\" was resolved to a type \"{typeName}\" that does not exist inside the schema.", ErrorCodes.InvalidResult);
        }

        if (runtimeType is not ObjectType objectType)
        {
            throw new GraphQLException($"Abstract type \"{abstractType.Name}\" was resolved to a non-object type \"{typeName}\".", ErrorCodes.InvalidResult);
        }

        if (!state.Schema.IsSubType(abstractType, objectType))
        {
            throw new GraphQLException($"Runtime Object type \"{objectType.Name}\" is not a possible type for \"{abstractType.Name}\".", ErrorCodes.InvalidResult);
        }

        return CompleteObjectValue(objectType, context, path, result);
    }

    // graphql-js's defaultTypeResolver: a __typename entry, else the first possible type whose
    // isTypeOf accepts the value; and, for code-first types, the CLR type of the value.
    private string? DefaultResolveType(NamedType abstractType, object value)
    {
        if (value is IReadOnlyDictionary<string, object?> map && map.TryGetValue("__typename", out var name) && name is string typeName)
        {
            return typeName;
        }

        foreach (var candidate in state.Schema.GetPossibleTypes(abstractType))
        {
            if (candidate.IsTypeOf is { } isTypeOf ? isTypeOf(value) : candidate.RuntimeType?.IsInstanceOfType(value) == true)
            {
                return candidate.Name;
            }
        }

        return null;
    }

    /// <summary>
    /// A <see cref="NullPropagation"/> arriving at a position: a non-null position passes it on, a
    /// nullable one becomes null and records the error (spec 6.4.4).
    /// </summary>
    private object? TakeNull(object? value, GraphQLType type, ResponsePath path)
    {
        if (value is not NullPropagation propagation || type is NonNullType)
        {
            return value;
        }

        state.Errors.Add(propagation.Error, path);
        return null;
    }

    // graphql-js's handleFieldError: the error belongs to this position; a non-null position
    // cannot hold null, so the failure propagates.
    private object? HandleFieldError(Exception exception, GraphQLType type, CollectedField field, ResponsePath path)
    {
        var error = ToGraphQLError(exception, field, path);
        return TakeNull(new NullPropagation(error), type, path);
    }

    /// <summary>graphql-js's locatedError, with our codes: what the client sees of a failure at <paramref name="path"/>.</summary>
    internal GraphQLError ToGraphQLError(Exception exception, CollectedField field, ResponsePath path)
    {
        if (exception is not GraphQLException && state.Options.TranslateException?.Invoke(exception) is { } translated)
        {
            exception = translated;
        }

        switch (exception)
        {
            case GraphQLException known:
                var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = known.Code };
                if (known.Extensions is not null)
                {
                    foreach (var (key, value) in known.Extensions)
                    {
                        extensions.TryAdd(key, value);
                    }
                }

                return new GraphQLError(known.Message, field.Locations, path.ToList(), extensions);
            case ValueCoercionException coercion:
                return new GraphQLError(coercion.Message, field.Locations, path.ToList(), Code(ErrorCodes.InvalidResult));
            case OperationCanceledException when state.CancellationToken.IsCancellationRequested:
                return new GraphQLError("The execution was cancelled.", field.Locations, path.ToList(), Code(ErrorCodes.Cancelled));
        }

        var details = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = ErrorCodes.InternalServerError };
        if (state.Options.IncludeExceptionDetails)
        {
            details["message"] = exception.Message;
            details["exception"] = exception.GetType().FullName;
            details["stackTrace"] = exception.StackTrace;
        }

        var unexpected = new GraphQLError("Unexpected Execution Error", field.Locations, path.ToList(), details);
        state.Options.OnUnexpectedError?.Invoke(exception, unexpected);
        return unexpected;
    }

    private static Dictionary<string, object?> Code(string code) => new(StringComparer.Ordinal) { ["code"] = code };

    private void DetachAll<T>(List<(T, ValueTask<object?> Work)>? pending, int from)
    {
        if (pending is null)
        {
            return;
        }

        for (var i = from; i < pending.Count; i++)
        {
            state.Detach(pending[i].Work);
        }
    }
}
