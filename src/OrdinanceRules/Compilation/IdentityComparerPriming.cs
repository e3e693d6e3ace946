using System.Reflection;
using NRules;

namespace OrdinanceRules.Compilation;

/// <summary>
/// Makes a compiled session factory safe to share between threads before it is shared. NRules 1.0.4 keeps the typed
/// fact identity comparers its flattening aggregators ask for (the bindings that follow a reference, see
/// <c>Following</c>) in a plain dictionary, one per session factory, filled on first use: two sessions that build
/// their first such aggregator at the same moment can corrupt it, and one of them fails with an
/// <see cref="InvalidOperationException"/>. Asking once for the only comparer the compiled rules need, here on one
/// thread, fills that dictionary; from then on the sessions only read it.
/// </summary>
internal static class IdentityComparerPriming
{
    /// <summary>The session factory's comparer: not public in NRules, hence found by reflection, pinned to 1.0.4.</summary>
    private static readonly FieldInfo? ComparerField =
        typeof(RuleCompiler).Assembly.GetType("NRules.SessionFactory")?.GetField("_factIdentityComparer", BindingFlags.Instance | BindingFlags.NonPublic);

    /// <summary>Fills the factory's comparer cache; false when this NRules keeps it elsewhere (a test guards that).</summary>
    public static bool Prime(ISessionFactory factory)
    {
        if (ComparerField?.GetValue(factory) is not IFactIdentityComparer comparer)
        {
            return false;
        }

        // The flattening aggregators' only result type: the facts a reference leads to.
        comparer.GetComparer<Facts.Fact>();
        return true;
    }
}
