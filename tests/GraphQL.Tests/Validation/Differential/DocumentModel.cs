using System.Text;

namespace Voting.GraphQL.Tests.Validation.Differential;

// A small mutable model of an executable document: the generator builds it, the mutator edits it, and
// Print turns it into the text both validators read. Values and types stay text: mutations swap them whole.

internal abstract class Selection
{
    public List<string> Directives { get; } = [];

    public abstract Selection Clone();
}

internal sealed class FieldSelection(string name) : Selection
{
    public string? Alias { get; set; }

    public string Name { get; set; } = name;

    public List<Argument> Arguments { get; } = [];

    /// <summary>Null for a leaf field.</summary>
    public List<Selection>? Children { get; set; }

    public override Selection Clone()
    {
        var copy = new FieldSelection(Name) { Alias = Alias, Children = Children?.Select(c => c.Clone()).ToList() };
        copy.Arguments.AddRange(Arguments.Select(a => a with { }));
        copy.Directives.AddRange(Directives);
        return copy;
    }
}

internal sealed class InlineFragment(string? typeCondition) : Selection
{
    public string? TypeCondition { get; set; } = typeCondition;

    public List<Selection> Children { get; } = [];

    public override Selection Clone()
    {
        var copy = new InlineFragment(TypeCondition);
        copy.Children.AddRange(Children.Select(c => c.Clone()));
        copy.Directives.AddRange(Directives);
        return copy;
    }
}

internal sealed class FragmentSpread(string name) : Selection
{
    public string Name { get; set; } = name;

    public override Selection Clone()
    {
        var copy = new FragmentSpread(Name);
        copy.Directives.AddRange(Directives);
        return copy;
    }
}

internal sealed record Argument(string Name, string Value, bool Required);

internal sealed record VariableDefinition(string Name, string Type, string? DefaultValue, string? Directive = null);

internal sealed class FragmentDefinition(string name, string typeCondition)
{
    public string Name { get; set; } = name;

    public string TypeCondition { get; set; } = typeCondition;

    public List<string> Directives { get; } = [];

    public List<Selection> Children { get; } = [];
}

internal sealed class Operation(string kind, string? name)
{
    public string Kind { get; } = kind;

    public string? Name { get; set; } = name;

    public List<VariableDefinition> Variables { get; } = [];

    public List<string> Directives { get; } = [];

    public List<Selection> Children { get; } = [];
}

internal sealed class GeneratedDocument
{
    public List<Operation> Operations { get; } = [];

    public List<FragmentDefinition> Fragments { get; } = [];

    public string Print()
    {
        var text = new StringBuilder();
        foreach (var operation in Operations)
        {
            if (operation.Name is null && operation.Variables.Count == 0 && operation.Directives.Count == 0 && operation.Kind == "query" && Operations.Count == 1)
            {
                text.Append('{');
            }
            else
            {
                text.Append(operation.Kind);
                if (operation.Name is not null)
                {
                    text.Append(' ').Append(operation.Name);
                }

                if (operation.Variables.Count > 0)
                {
                    text.Append('(').AppendJoin(", ", operation.Variables.Select(v =>
                        $"${v.Name}: {v.Type}" + (v.DefaultValue is null ? "" : " = " + v.DefaultValue) + (v.Directive is null ? "" : " " + v.Directive))).Append(')');
                }

                AppendDirectives(text, operation.Directives);
                text.Append(" {");
            }

            AppendSelections(text, operation.Children, 1);
            text.Append("}\n\n");
        }

        foreach (var fragment in Fragments)
        {
            text.Append("fragment ").Append(fragment.Name).Append(" on ").Append(fragment.TypeCondition);
            AppendDirectives(text, fragment.Directives);
            text.Append(" {");
            AppendSelections(text, fragment.Children, 1);
            text.Append("}\n\n");
        }

        return text.ToString().TrimEnd() + "\n";
    }

    private static void AppendDirectives(StringBuilder text, List<string> directives)
    {
        foreach (var directive in directives)
        {
            text.Append(' ').Append(directive);
        }
    }

    private static void AppendSelections(StringBuilder text, List<Selection> selections, int depth)
    {
        text.Append('\n');
        string indent = new(' ', depth * 2);
        foreach (var selection in selections)
        {
            text.Append(indent);
            switch (selection)
            {
                case FieldSelection field:
                    if (field.Alias is not null)
                    {
                        text.Append(field.Alias).Append(": ");
                    }

                    text.Append(field.Name);
                    if (field.Arguments.Count > 0)
                    {
                        text.Append('(').AppendJoin(", ", field.Arguments.Select(a => a.Name + ": " + a.Value)).Append(')');
                    }

                    AppendDirectives(text, field.Directives);
                    if (field.Children is not null)
                    {
                        text.Append(" {");
                        AppendSelections(text, field.Children, depth + 1);
                        text.Append(indent).Append('}');
                    }

                    break;
                case InlineFragment inline:
                    text.Append("...");
                    if (inline.TypeCondition is not null)
                    {
                        text.Append(" on ").Append(inline.TypeCondition);
                    }

                    AppendDirectives(text, inline.Directives);
                    text.Append(" {");
                    AppendSelections(text, inline.Children, depth + 1);
                    text.Append(indent).Append('}');
                    break;
                case FragmentSpread spread:
                    text.Append("...").Append(spread.Name);
                    AppendDirectives(text, spread.Directives);
                    break;
            }

            text.Append('\n');
        }
    }
}
