namespace AgCc.Core.Metrics;

/// <summary>
/// One class's scores, as sklearn's precision_recall_fscore_support(average=None, zero_division=0):
/// a ratio whose denominator is 0 (no true samples for recall, no predictions for precision, both
/// 0 for F1) is 0 rather than undefined, so a class the model never predicts scores 0, not NaN.
/// </summary>
/// <param name="Recall">Correct / samples of the class (0 when the class has no samples).</param>
/// <param name="Precision">Correct / predictions of the class (0 when it was never predicted).</param>
/// <param name="F1">2·P·R / (P + R), 0 when P + R = 0.</param>
/// <param name="Support">Samples whose true class this is.</param>
/// <param name="Predicted">Samples predicted as this class.</param>
public readonly record struct ClassMetrics(double Recall, double Precision, double F1, long Support, long Predicted);
