namespace AgCc.Core.Training.Config;

/// <summary>
/// The anchor loss's settings (METHOD.md "The anchor losses"): L = L_ER + β·L_anchor.
/// </summary>
/// <param name="Beta">β, the anchor loss's weight.</param>
/// <param name="Margin">m, the triplet hinge's margin (PA-CC, AG-CC).</param>
/// <param name="Phones">PA-CC's anchor phones: `vowels` (ARPAbet vowels), `all`, or a comma-separated list (`AA,IY,UW`).</param>
/// <param name="CoralLayers">LA-CC's encoder layers, 1-based, as one group; null for all of them.</param>
/// <param name="TargetShare">The share of each batch drawn from the target corpus in anchored methods.</param>
public sealed record AnchorConfig(
    double Beta = 0.2,
    double Margin = 0.3,
    string Phones = "vowels",
    IReadOnlyList<int>? CoralLayers = null,
    double TargetShare = 0.5)
{
    public IReadOnlyList<string> Problems(int encoderLayers, string prefix = "anchor")
    {
        var problems = new List<string>();
        if (!(Beta >= 0) || !double.IsFinite(Beta)) problems.Add($"{prefix}.beta: must be ≥ 0 (got {Beta})");
        if (!(Margin >= 0) || !double.IsFinite(Margin)) problems.Add($"{prefix}.margin: must be ≥ 0 (got {Margin})");
        if (string.IsNullOrWhiteSpace(Phones) || PhoneSet.Parse(Phones) is { Count: 0 })
            problems.Add($"{prefix}.phones: expected `vowels`, `all` or a comma-separated list of phones (got '{Phones}')");
        if (CoralLayers is { Count: 0 }) problems.Add($"{prefix}.coralLayers: name at least one layer, or leave it out for all");
        for (var i = 0; CoralLayers is not null && i < CoralLayers.Count; i++)
            if (CoralLayers[i] < 1 || CoralLayers[i] > encoderLayers)
                problems.Add($"{prefix}.coralLayers[{i}]: must be an encoder layer between 1 and {encoderLayers} (got {CoralLayers[i]})");
        if (!(TargetShare > 0 && TargetShare < 1)) problems.Add($"{prefix}.targetShare: must be between 0 and 1, exclusive (got {TargetShare})");
        return problems;
    }

    /// <summary>The encoder layers LA-CC aligns, 1-based.</summary>
    public IReadOnlyList<int> CoralLayerList(int encoderLayers) => CoralLayers ?? [.. Enumerable.Range(1, encoderLayers)];
}
