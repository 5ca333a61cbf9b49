namespace AgCc.Core.Landmarks;

/// <summary>The points the "face" normalisation needs: nose tip (33) and outer eye corners (36, 45), in pixels.</summary>
public readonly record struct FaceAnchors(
    double NoseX, double NoseY, double Eye36X, double Eye36Y, double Eye45X, double Eye45Y);
