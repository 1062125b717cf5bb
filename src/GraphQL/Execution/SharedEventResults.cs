using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Execution;

/// <summary>
/// One result per event for the subscribers that would all compute the same one (ADR 0037). A room's thousand
/// subscribers on an instance receive the same event object and mostly send the same document with the same
/// variables; when the subscription field's value is the event itself (<see cref="FieldDefinition.ResolvesToParent"/>)
/// and every field selected below it is a plain getter of its parent (a pure resolver, no arguments, or
/// <c>__typename</c>), the result depends on nothing but the event, the operation and the variables: not on the
/// subscriber, its services or the time. Such a subscription executes an event only when no other did it first,
/// and the result is written to JSON once (<see cref="ExecutionResult.IsShared"/>). Results are kept with the
/// event object and go when it does.
/// </summary>
internal static class SharedEventResults
{
    // Below this depth a selection is shared; a deeper one is executed per subscriber (no deep walk per subscribe).
    private const int MaxDepth = 16;

    private static readonly ConditionalWeakTable<object, Entries> Results = [];

    /// <summary>
    /// The key under which a subscription shares its events' results, or null when its results are its own: the
    /// field's value is not the event itself, a field below it reads more than its parent, or a variable holds a
    /// value this cannot compare.
    /// </summary>
    public static SharedKey? KeyFor(ExecutionState state, CollectedField rootField) =>
        rootField.Definition.ResolvesToParent && IsPure(state, rootField, 0) && Canonical(state.Variables) is { } variables
            ? new SharedKey(state.Schema, state.Operation, variables)
            : null;

    /// <summary>The result another subscription with an equal key stored for this event, or null.</summary>
    public static ExecutionResult? Find(object? sourceEvent, SharedKey key)
    {
        if (sourceEvent is null || !Results.TryGetValue(sourceEvent, out var entries))
        {
            return null;
        }

        return Match(Volatile.Read(ref entries.Items), key);
    }

    /// <summary>
    /// Keeps <paramref name="result"/> for the next subscriber of this event with an equal key. Only a result
    /// without errors is kept: one that timed out or failed is the subscriber's own.
    /// </summary>
    public static ExecutionResult Store(object? sourceEvent, SharedKey key, ExecutionResult result)
    {
        if (sourceEvent is null || result.Errors.Count > 0 || !result.HasData)
        {
            return result;
        }

        var shared = result.AsShared();
        var entries = Results.GetValue(sourceEvent, static _ => new Entries());
        lock (entries)
        {
            // Two subscribers may have executed the event at once: both results are equal, the first one stays.
            if (Match(entries.Items, key) is { } first)
            {
                return first;
            }

            Volatile.Write(ref entries.Items, [.. entries.Items, new Entry(key, shared)]);
        }

        return shared;
    }

    private static ExecutionResult? Match(Entry[] items, SharedKey key)
    {
        foreach (var entry in items)
        {
            if (entry.Key.Matches(key))
            {
                return entry.Result;
            }
        }

        return null;
    }

    private static bool IsPure(ExecutionState state, CollectedField field, int depth)
    {
        var named = field.Definition.Type.GetNamedType();
        if (named is ScalarType or EnumType)
        {
            return true;
        }

        // An abstract type's runtime type may be resolved with the context: executed per subscriber.
        if (named is not ObjectType type || depth >= MaxDepth)
        {
            return false;
        }

        foreach (var subfield in field.GetSubfields(state, type))
        {
            var pure = ReferenceEquals(subfield.Definition, Introspection.TypeNameField)
                || (subfield.PureResolver is not null && subfield.Definition.Arguments.Count == 0 && IsPure(state, subfield, depth + 1));
            if (!pure)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The coerced variable values as one string that two subscriptions of the same operation have equal exactly
    /// when their values are equal: computed once per subscription, so an event costs a string comparison. Null
    /// for a value of a type this does not know (a custom scalar's object, whose text may not tell values apart).
    /// </summary>
    private static string? Canonical(IReadOnlyDictionary<string, object?> variables)
    {
        if (variables.Count == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        return Append(text, variables) ? text.ToString() : null;
    }

    private static bool Append(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append('n');
                return true;
            case string s:
                // Length-prefixed, so no content can imitate a separator.
                text.Append('s').Append(s.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(s);
                return true;
            case bool b:
                text.Append(b ? 't' : 'f');
                return true;
            case int or long or short or byte or sbyte or ushort or uint or ulong or double or float or decimal or Guid or DateTimeOffset or DateTime or TimeSpan:
                text.Append('v').Append(value.GetType().Name).Append(':').Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)).Append(';');
                return true;
            case Enum e:
                text.Append('e').Append(e.GetType().FullName).Append(':').Append(e.ToString("D")).Append(';');
                return true;
            case IReadOnlyDictionary<string, object?> map:
                text.Append('{');
                foreach (var (name, item) in map)
                {
                    if (!Append(text, name) || !Append(text, item))
                    {
                        return false;
                    }
                }

                text.Append('}');
                return true;
            case IList list:
                text.Append('[');
                foreach (var item in list)
                {
                    if (!Append(text, item))
                    {
                        return false;
                    }
                }

                text.Append(']');
                return true;
            default:
                return false;
        }
    }

    private sealed class Entries
    {
        // Copy-on-write under the lock, read without it: an event has as many entries as distinct documents.
        public Entry[] Items = [];
    }

    private sealed record Entry(SharedKey Key, ExecutionResult Result);
}
