namespace AgCc.Grains.Training;

/// <summary>A training run's state machine: queued → preparing → training → evaluating → completed | failed | cancelled.</summary>
public enum TrainingRunState
{
    /// <summary>Launched; waiting for a trainer slot on a silo.</summary>
    Queued,

    /// <summary>Ingesting corpora, extracting features, fitting gestures, assembling the data.</summary>
    Preparing,

    Training,

    /// <summary>The best epoch's model on the target.</summary>
    Evaluating,

    Completed,
    Failed,
    Cancelled,
}

public static class TrainingRunStates
{
    /// <summary>Whether the run still goes on (a supervisor keeps its trainer alive).</summary>
    public static bool IsActive(this TrainingRunState state) => state is TrainingRunState.Queued or TrainingRunState.Preparing or TrainingRunState.Training or TrainingRunState.Evaluating;

    public static string ToName(this TrainingRunState state) => state.ToString().ToLowerInvariant();
}
