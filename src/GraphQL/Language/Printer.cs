using System.Runtime.CompilerServices;
using System.Text;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Language;

/// <summary>
/// Prints an AST back to GraphQL text, laid out exactly as graphql-js 17's <c>print</c> lays it out, so that
/// printed documents (persisted queries, schema files) are the same whichever implementation wrote them.
/// </summary>
/// <remarks>
/// Each node is printed to a string with its nested blocks already indented; line-length decisions compare
/// these lengths with graphql-js's limit of 80 characters, the way graphql-js measures its print buffers.
/// </remarks>
public static class Printer
{
    private const int MaxLineLength = 80;

    public static string Print(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Visit(node);
    }

    private static string Visit(Node? node)
    {
        if (node is null)
        {
            return string.Empty;
        }

        // A tree built in code has no depth limit; fail cleanly rather than overflow the stack.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return node switch
        {
            NameNode n => n.Value,
            VariableNode n => "$" + Visit(n.Name),
            DocumentNode n => Join(All(n.Definitions), "\n\n"),
            OperationDefinitionNode n => PrintOperation(n),
            VariableDefinitionNode n => Join(
                [Wrap("", Visit(n.Description), "\n"), Visit(n.Variable), ": ", Visit(n.Type), Wrap(" = ", Visit(n.DefaultValue)), Wrap(" ", Join(All(n.Directives), " "))]),
            SelectionSetNode n => n.Selections.Count == 0 ? "{}" : Block(All(n.Selections)),
            FieldNode n => Join(
                [WrappedLineAndArguments(Join([Wrap("", Visit(n.Alias), ": "), Visit(n.Name)]), All(n.Arguments)), Wrap(" ", Join(All(n.Directives), " ")), Wrap(" ", Visit(n.SelectionSet))]),
            ArgumentNode n => Visit(n.Name) + ": " + Visit(n.Value),
            FragmentSpreadNode n => Join(["...", Visit(n.Name), Wrap(" ", Join(All(n.Directives), " "))]),
            InlineFragmentNode n => Join(["...", Wrap("on ", Visit(n.TypeCondition)), Join(All(n.Directives), " "), Visit(n.SelectionSet)], " "),
            FragmentDefinitionNode n => Join(
                [Wrap("", Visit(n.Description), "\n"), "fragment ", Visit(n.Name), " on ", Visit(n.TypeCondition), " ", Wrap("", Join(All(n.Directives), " "), " "), Visit(n.SelectionSet)]),
            IntValueNode n => n.Value,
            FloatValueNode n => n.Value,
            StringValueNode n => n.Block ? BlockString.Print(n.Value) : PrintString(n.Value),
            BooleanValueNode n => n.Value ? "true" : "false",
            NullValueNode => "null",
            EnumValueNode n => n.Value,
            ListValueNode n => PrintList(All(n.Values)),
            ObjectValueNode n => PrintObject(All(n.Fields)),
            ObjectFieldNode n => Visit(n.Name) + ": " + Visit(n.Value),
            DirectiveNode n => Join(["@", Visit(n.Name), Wrap("(", Join(All(n.Arguments), ", "), ")")]),
            NamedTypeNode n => Visit(n.Name),
            ListTypeNode n => "[" + Visit(n.Type) + "]",
            NonNullTypeNode n => Visit(n.Type) + "!",
            SchemaDefinitionNode n => Join(
                [Wrap("", Visit(n.Description), "\n"), Join(["schema", Join(All(n.Directives), " "), Block(All(n.OperationTypes))], " ")]),
            OperationTypeDefinitionNode n => OperationName(n.Operation) + ": " + Visit(n.Type),
            ScalarTypeDefinitionNode n => Join(
                [Wrap("", Visit(n.Description), "\n"), Join(["scalar", Visit(n.Name), Join(All(n.Directives), " ")], " ")]),
            ObjectTypeDefinitionNode n => Join(
                [Wrap("", Visit(n.Description), "\n"), Join(["type", Visit(n.Name), Wrap("implements ", Join(All(n.Interfaces), " & ")), Join(All(n.Directives), " "), Block(All(n.Fields))], " ")]),
            FieldDefinitionNode n => Join(
                [Wrap("", Visit(n.Description), "\n"), Visit(n.Name), ArgumentDefinitions(All(n.Arguments)), ": ", Visit(n.Type), Wrap(" ", Join(All(n.Directives), " "))]),
            InputValueDefinitionNode n => Join(
                [Wrap("", Visit(n.Description), "\n"), Visit(n.Name), ": ", Visit(n.Type), Wrap(" = ", Visit(n.DefaultValue)), Wrap(" ", Join(All(n.Directives), " "))]),
            InterfaceTypeDefinitionNode n => Join(
                [Wrap("", Visit(n.Description), "\n"), Join(["interface", Visit(n.Name), Wrap("implements ", Join(All(n.Interfaces), " & ")), Join(All(n.Directives), " "), Block(All(n.Fields))], " ")]),
            UnionTypeDefinitionNode n => Join(
                [Wrap("", Visit(n.Description), "\n"), Join(["union", Visit(n.Name), Join(All(n.Directives), " "), Wrap("= ", Join(All(n.Types), " | "))], " ")]),
            EnumTypeDefinitionNode n => Join(
                [Wrap("", Visit(n.Description), "\n"), Join(["enum", Visit(n.Name), Join(All(n.Directives), " "), Block(All(n.Values))], " ")]),
            EnumValueDefinitionNode n => Join(
                [Wrap("", Visit(n.Description), "\n"), Join([Visit(n.Name), Join(All(n.Directives), " ")], " ")]),
            InputObjectTypeDefinitionNode n => Join(
                [Wrap("", Visit(n.Description), "\n"), Join(["input", Visit(n.Name), Join(All(n.Directives), " "), Block(All(n.Fields))], " ")]),
            DirectiveDefinitionNode n => Join(
                [Wrap("", Visit(n.Description), "\n"), "directive @", Visit(n.Name), ArgumentDefinitions(All(n.Arguments)), n.Repeatable ? " repeatable" : "", " on ", Join(All(n.Locations), " | ")]),
            SchemaExtensionNode n => Join(["extend schema", Join(All(n.Directives), " "), Block(All(n.OperationTypes))], " "),
            ScalarTypeExtensionNode n => Join(["extend scalar", Visit(n.Name), Join(All(n.Directives), " ")], " "),
            ObjectTypeExtensionNode n => Join(
                ["extend type", Visit(n.Name), Wrap("implements ", Join(All(n.Interfaces), " & ")), Join(All(n.Directives), " "), Block(All(n.Fields))], " "),
            InterfaceTypeExtensionNode n => Join(
                ["extend interface", Visit(n.Name), Wrap("implements ", Join(All(n.Interfaces), " & ")), Join(All(n.Directives), " "), Block(All(n.Fields))], " "),
            UnionTypeExtensionNode n => Join(["extend union", Visit(n.Name), Join(All(n.Directives), " "), Wrap("= ", Join(All(n.Types), " | "))], " "),
            EnumTypeExtensionNode n => Join(["extend enum", Visit(n.Name), Join(All(n.Directives), " "), Block(All(n.Values))], " "),
            InputObjectTypeExtensionNode n => Join(["extend input", Visit(n.Name), Join(All(n.Directives), " "), Block(All(n.Fields))], " "),
            _ => throw new ArgumentException($"Unknown node kind {node.Kind}.", nameof(node)),
        };
    }

    private static string PrintOperation(OperationDefinitionNode node)
    {
        var variableDefinitions = All(node.VariableDefinitions);

        // Variables with descriptions span lines; graphql-js then puts each on its own line, unindented.
        string variables = HasMultilineItems(variableDefinitions)
            ? Wrap("(\n", Join(variableDefinitions, "\n"), "\n)")
            : Wrap("(", Join(variableDefinitions, ", "), ")");
        string operation = OperationName(node.Operation);
        string prefix = Join(
            [Wrap("", Visit(node.Description), "\n"), Join([operation, Join([Visit(node.Name), variables]), Join(All(node.Directives), " ")], " ")]);

        // An anonymous query with nothing else to say is printed in the shorthand form.
        bool shorthand = node.Operation == OperationType.Query && prefix.Length == operation.Length;
        return Join([shorthand ? "" : prefix + " ", Visit(node.SelectionSet)]);
    }

    private static string OperationName(OperationType operation) => operation switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        OperationType.Subscription => "subscription",
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    private static string WrappedLineAndArguments(string prefix, List<string> arguments)
    {
        if (arguments.Count == 0)
        {
            return prefix;
        }

        return prefix + (prefix.Length + JoinedLength(arguments, ", ") + 2 > MaxLineLength
            ? Wrap("(\n", Indent(Join(arguments, "\n")), "\n)")
            : Wrap("(", Join(arguments, ", "), ")"));
    }

    /// <summary>Argument definitions go one per line, indented, as soon as one of them spans lines (a description does).</summary>
    private static string ArgumentDefinitions(List<string> arguments) => HasMultilineItems(arguments)
        ? Wrap("(\n", Indent(Join(arguments, "\n")), "\n)")
        : Wrap("(", Join(arguments, ", "), ")");

    private static string PrintList(List<string> values) => 2 + JoinedLength(values, ", ") > MaxLineLength
        ? Wrap("[\n", Indent(Join(values, "\n")), "\n]")
        : "[" + Join(values, ", ") + "]";

    // An empty object prints as "{  }", as in graphql-js.
    private static string PrintObject(List<string> fields) => 4 + JoinedLength(fields, ", ") > MaxLineLength
        ? Block(fields)
        : "{ " + Join(fields, ", ") + " }";

    /// <summary>A string literal with graphql-js's escapes: control characters, the quote and the backslash.</summary>
    private static string PrintString(string value)
    {
        var text = new StringBuilder(value.Length + 2);
        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\b':
                    text.Append("\\b");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\f':
                    text.Append("\\f");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case < '\u0020' or (>= '\u007F' and <= '\u009F'):
                    text.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        return text.Append('"').ToString();
    }

    private static List<string> All<T>(IReadOnlyList<T> nodes)
        where T : Node
    {
        var printed = new List<string>(nodes.Count);
        foreach (var node in nodes)
        {
            printed.Add(Visit(node));
        }

        return printed;
    }

    /// <summary>Joins the non-empty parts.</summary>
    private static string Join(IEnumerable<string> parts, string separator = "")
    {
        var text = new StringBuilder();
        bool first = true;
        foreach (string part in parts)
        {
            if (part.Length == 0)
            {
                continue;
            }

            if (!first)
            {
                text.Append(separator);
            }

            text.Append(part);
            first = false;
        }

        return text.ToString();
    }

    private static int JoinedLength(List<string> parts, string separator)
    {
        int length = 0;
        foreach (string part in parts)
        {
            if (part.Length != 0)
            {
                length += (length == 0 ? 0 : separator.Length) + part.Length;
            }
        }

        return length;
    }

    private static bool HasMultilineItems(List<string> parts) => parts.Exists(part => part.Contains('\n', StringComparison.Ordinal));

    private static string Block(List<string> parts) => Wrap("{\n", Indent(Join(parts, "\n")), "\n}");

    private static string Wrap(string start, string text, string end = "") => text.Length == 0 ? "" : start + text + end;

    /// <summary>Two spaces before every line, blank lines and block-string lines included, as graphql-js does.</summary>
    private static string Indent(string text) => text.Length == 0 ? "" : "  " + text.Replace("\n", "\n  ", StringComparison.Ordinal);
}
