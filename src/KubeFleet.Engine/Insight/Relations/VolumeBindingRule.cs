using KubeFleet.Engine.Search.Query;

namespace KubeFleet.Engine.Insight.Relations;

/// <summary>
/// The binding of a PersistentVolumeClaim and a PersistentVolume, read from whichever end is asked
/// about: the claim's <c>spec.volumeName</c>, the volume's <c>spec.claimRef</c>.
/// </summary>
internal sealed class VolumeBindingRule : IRelationRule
{
    public IEnumerable<RelationProbe> ProbesFor(IQueryRow source)
    {
        if (source.Is("", "PersistentVolumeClaim") && KubeObject.Text(source.Object, "spec", "volumeName") is { Length: > 0 } volumeName)
        {
            yield return new RelationProbe(
                ResourceRelation.BoundTo,
                RelationDirection.Down,
                RelatedRead.Named("", "PersistentVolume", null, volumeName),
                volume => volume.Name == volumeName);
        }
        if (source.Is("", "PersistentVolume")
            && KubeObject.Find(source.Object, "spec", "claimRef") is { } claim
            && KubeObject.Text(claim, "namespace") is { Length: > 0 } claimNamespace
            && KubeObject.Text(claim, "name") is { Length: > 0 } claimName)
        {
            var claimUid = KubeObject.Text(claim, "uid");
            yield return new RelationProbe(
                ResourceRelation.ClaimedBy,
                RelationDirection.Up,
                RelatedRead.Named("", "PersistentVolumeClaim", claimNamespace, claimName),
                claimant => claimant.Namespace == claimNamespace && claimant.Name == claimName && (claimUid is null || claimant.Uid() == claimUid));
        }
    }
}
