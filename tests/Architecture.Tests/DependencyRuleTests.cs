using System.Reflection;
using System.Xml.Linq;

namespace Voting.Architecture.Tests;

/// <summary>
/// Dependencies point inward: Domain references nothing, Application only Domain, the GraphQL
/// engine no Voting project; checked both in the project files and in the compiled assemblies.
/// </summary>
public sealed class DependencyRuleTests
{
    public static TheoryData<string, string[]> AllowedProjectReferences => new()
    {
        { "Domain", [] },
        { "Application", ["Domain"] },
        { "GraphQL", [] },
        { "Infrastructure", ["Application"] },
        { "WebApi", ["Application", "Infrastructure", "GraphQL"] },
    };

    public static TheoryData<string, string[]> AllowedAssemblyReferences => new()
    {
        { "Voting.Domain", [] },
        { "Voting.Application", ["Voting.Domain", "FluentValidation", "Microsoft.Extensions.DependencyInjection.Abstractions"] },
    };

    [Theory]
    [MemberData(nameof(AllowedProjectReferences))]
    public void Project_references_point_inward(string project, string[] allowed)
    {
        var csproj = XDocument.Load(Path.Combine(Repository.Root(), "src", project, $"Voting.{project}.csproj"));
        var references = csproj.Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/'))["Voting.".Length..])
            .Order(StringComparer.Ordinal);

        Assert.Equal(allowed.Order(StringComparer.Ordinal), references);
    }

    [Fact]
    public void Domain_has_no_package_references()
    {
        var csproj = XDocument.Load(Path.Combine(Repository.Root(), "src", "Domain", "Voting.Domain.csproj"));

        Assert.Empty(csproj.Descendants("PackageReference"));
        Assert.Empty(csproj.Descendants("FrameworkReference"));
    }

    [Theory]
    [MemberData(nameof(AllowedAssemblyReferences))]
    public void Compiled_assemblies_reference_only_what_their_layer_allows(string assembly, string[] allowed)
    {
        var referenced = Assembly.Load(assembly).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => !IsFramework(name))
            .Order(StringComparer.Ordinal);

        Assert.Equal(allowed.Order(StringComparer.Ordinal), referenced);
    }

    /// <summary>The engine's server part sits on ASP.NET Core; beyond that shared framework it needs nothing.</summary>
    [Fact]
    public void The_engine_references_only_the_shared_frameworks()
    {
        var referenced = Assembly.Load("Voting.GraphQL").GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => !IsFramework(name));

        Assert.All(referenced, name => Assert.True(
            name.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
                || name == "Microsoft.Net.Http.Headers",
            $"Voting.GraphQL references {name}"));
    }

    [Fact]
    public void Infrastructure_and_GraphQL_do_not_know_the_host()
    {
        foreach (var assembly in new[] { "Voting.Infrastructure", "Voting.GraphQL", "Voting.Application", "Voting.Domain" })
        {
            Assert.DoesNotContain(Assembly.Load(assembly).GetReferencedAssemblies(), a => a.Name == "Voting.WebApi");
        }
    }

    private static bool IsFramework(string name) =>
        name is "mscorlib" or "netstandard" || name.StartsWith("System", StringComparison.Ordinal);
}
