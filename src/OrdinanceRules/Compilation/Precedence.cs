using System.Collections.Immutable;
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
    public static ImmutableArray<Contest> Plan(ImmutableArray<ProvisionNode> nodes)
    {
        var contests = ImmutableArray.CreateBuilder<Contest>();
        foreach (var permission in nodes.Where(n => n.Model.Modality == Modality.Permission))
        {
            foreach (var provision in nodes.Where(n => n != permission && n.Model.Modality != Modality.Permission))
            {
                var declared = permission.Model.PrevailsOver.Contains(provision.Id);
                var yields = provision.Model.PrevailsOver.Contains(permission.Id);
                if (declared || (!yields && permission.Rank > provision.Rank))
                {
                    var exception = new ProvisionException
                    {
                        Id = permission.Id,
                        Section = $"{permission.Law.Citation}, {permission.Model.Section}",
                        Title = permission.Rank > provision.Rank ? $"{permission.Model.Title} (higher law prevails)" : permission.Model.Title,
                        Text = permission.Model.Text,
                        When = FactTest.Of("yes"),
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
