using System.Collections.Immutable;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Facts;
using OrdinanceRules.Model;

namespace OrdinanceRules.Compilation;

/// <summary>How a permission bears on another provision where both reach the same facts.</summary>
internal enum ContestKind
{
    /// <summary>The permission prevails (higher law, or declared precedence): it acts as an exception.</summary>
    Prevails,

    /// <summary>Same rank and no precedence declared either way: the report names both as a conflict.</summary>
    Conflict,
}

/// <summary>A permission and another provision that may bear on the same facts.</summary>
internal sealed record Contest(ProvisionNode Provision, ProvisionNode Permission, ContestKind Kind);

/// <summary>
/// Decides, once at compile time, which permissions prevail over which provisions (higher law over lower,
/// or a declared <see cref="Provision.PrevailsOver"/>) and which pairs would be conflicts, and gives each
/// prevailing permission an implied exception node under the provision it defeats. Whether a contest arises
/// for given facts is then decided by rules.
/// </summary>
internal static class Precedence
{
    /// <summary>
    /// Every id a provision's <c>prevails-over</c> or <c>narrows</c> names must be another provision of the stack, and
    /// only a permission narrows, and only what is not a permission: each problem is a diagnostic at the provision.
    /// </summary>
    public static IEnumerable<Diagnostic> Check(IReadOnlyList<Ordinance> laws)
    {
        var provisions = laws.SelectMany(l => l.Provisions).ToList();
        var ids = provisions.Select(p => p.Id).ToList();
        foreach (var provision in provisions)
        {
            foreach (var (key, named) in new[] { ("prevails-over", provision.PrevailsOver), ("narrows", provision.Narrows) })
            {
                foreach (var id in named)
                {
                    var target = provisions.FirstOrDefault(p => p.Id == id);
                    if (id == provision.Id)
                    {
                        yield return new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"provision {provision.Id} names itself in '{key}'; list the other provisions it bears on", provision.Location);
                    }
                    else if (target is null)
                    {
                        yield return new Diagnostic(DiagnosticCodes.InvalidOrdinance,
                            $"provision {provision.Id} {(key == "narrows" ? "narrows" : "prevails over")} '{id}', which is not a provision of the ordinance or its stack (provisions: {string.Join(", ", ids)}){ScenarioBuilder.Suggest(id, ids)}",
                            provision.Location);
                    }
                    else if (key == "narrows" && target.Modality == Modality.Permission)
                    {
                        yield return new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"provision {provision.Id} narrows {id}, which is a permission: a carve-out narrows a prohibition, an obligation or a non-obligation", provision.Location);
                    }
                }
            }

            if (!provision.Narrows.IsEmpty && provision.Modality != Modality.Permission)
            {
                yield return new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"provision {provision.Id} is a {provision.Modality.ToString().ToLowerInvariant()} but has 'narrows': only a permission narrows other provisions (write a carve-out under the provision it narrows instead)", provision.Location);
            }
        }
    }

    public static ImmutableArray<Contest> Plan(ImmutableArray<ProvisionNode> nodes)
    {
        var contests = ImmutableArray.CreateBuilder<Contest>();
        foreach (var permission in nodes.Where(n => n.Model.Modality == Modality.Permission))
        {
            foreach (var provision in nodes.Where(n => n != permission && n.Model.Modality != Modality.Permission))
            {
                var narrows = permission.Model.Narrows.Contains(provision.Id);
                var declared = narrows || permission.Model.PrevailsOver.Contains(provision.Id);
                var yields = provision.Model.PrevailsOver.Contains(permission.Id);
                if (declared || (!yields && permission.Rank > provision.Rank))
                {
                    // A permission that narrows the provision is a carve-out: what it permits is outside the provision.
                    var exception = new ProvisionException
                    {
                        Id = permission.Id,
                        Section = $"{permission.Law.Citation}, {permission.Model.Section}",
                        Title = permission.Rank > provision.Rank && !narrows ? $"{permission.Model.Title} (higher law prevails)" : permission.Model.Title,
                        Text = permission.Model.Text,
                        When = FactTest.Of("yes"),
                        CarveOut = narrows ? permission.Model.CarveOut : null,
                    };
                    var node = new ExceptionNode(exception, provision, permission) { ClaimFrame = provision.ClaimFrame };
                    provision.Children.Add(node);
                    contests.Add(new Contest(provision, permission, ContestKind.Prevails));
                }
                else if (!yields && permission.Rank == provision.Rank)
                {
                    contests.Add(new Contest(provision, permission, ContestKind.Conflict));
                }
            }
        }

        return contests.ToImmutable();
    }
}
