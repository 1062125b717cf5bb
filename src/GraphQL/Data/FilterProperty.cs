using System.Reflection;

namespace Voting.GraphQL.Data;

/// <summary>One filterable property of the element type: its field name in the filter input and its operations.</summary>
internal sealed record FilterProperty(string Name, PropertyInfo Property, FilterKind Kind);
