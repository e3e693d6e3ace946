using System.Reflection;
using System.Runtime.CompilerServices;

namespace OrdinanceRules.Tests.Conventions;

/// <summary>The public model is immutable: classes are sealed, static or abstract, and nothing can be set after construction.</summary>
public class PublicSurfaceTests
{
    private static readonly Assembly Core = typeof(OrdinanceCompiler).Assembly;

    private static IEnumerable<Type> PublicTypes => Core.GetExportedTypes();

    [Fact]
    public void PublicClasses_AreSealedStaticOrAbstract()
    {
        var open = PublicTypes.Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract).Select(t => t.FullName);

        open.Should().BeEmpty("new types start sealed; a public type is opened for extension only on purpose");
    }

    [Fact]
    public void PublicTypes_HaveNoPublicMutableSetters()
    {
        var mutable = PublicTypes
            .Where(t => !t.IsSubclassOf(typeof(Exception)))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
                .Select(p => $"{t.Name}.{p.Name}"));

        mutable.Should().BeEmpty("model values are immutable; 'with' makes changed copies");
    }

    [Fact]
    public void PublicTypes_HaveNoPublicFields()
    {
        var fields = PublicTypes
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(f => !f.IsLiteral && !t.IsEnum)
                .Select(f => $"{t.Name}.{f.Name}"));

        fields.Should().BeEmpty();
    }

    [Fact]
    public void PublicSurface_HasNoInternalNamespace()
    {
        PublicTypes.Select(t => t.Namespace).Should().NotContain(n => n != null && n.Contains("Internal", StringComparison.Ordinal));
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
}
