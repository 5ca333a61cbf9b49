namespace AgCc.Core.Landmarks;

/// <summary>How the 20 mouth points of a frame are made comparable across faces and videos.</summary>
public enum LandmarkNormalization
{
    /// <summary>
    /// Reading only: <see cref="Face"/> when the header has the nose tip and outer eye corners
    /// (x_33, y_33, x_36, y_36, x_45, y_45), otherwise <see cref="Mouth"/>.
    /// </summary>
    Auto,

    /// <summary>
    /// METHOD.md's default: translate so the nose tip (33) is the origin, rotate so the outer eye
    /// corners (36 → 45) point along +x, divide by their distance.
    /// </summary>
    Face,

    /// <summary>
    /// METHOD.md's fallback: translate to the centroid of points 48–67, divide by the mouth width
    /// (48 ↔ 54). Taken literally: no rotation, so head roll stays in the values.
    /// </summary>
    Mouth,

    /// <summary>Raw pixels as OpenFace wrote them (debugging, round trips).</summary>
    None,
}
