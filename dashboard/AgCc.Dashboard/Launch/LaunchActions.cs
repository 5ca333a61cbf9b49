using AgCc.Client;
using AgCc.Core.Experiments;
using AgCc.Core.Training.Config;

namespace AgCc.Dashboard.Launch;

/// <summary>Where a launch went: the page to open, or why the cluster refused it.</summary>
public sealed record LaunchOutcome(string? Url, string? Error)
{
    public bool Launched => Url is not null;
}

/// <summary>
/// Launches the form's document through the client. The grains are idempotent: the same id / name
/// with an equal config returns the existing run or experiment, another config under it is refused
/// with the grain's message, which the outcome carries.
/// </summary>
public static class LaunchActions
{
    public static string RunUrl(string runId) => "/runs/" + Uri.EscapeDataString(runId);

    public static string ExperimentUrl(string name) => "/experiments/" + Uri.EscapeDataString(name);

    public static async Task<LaunchOutcome> LaunchAsync(AgCcClient client, LaunchForm form)
    {
        if (form.Problems() is { Count: > 0 } problems)
            return new LaunchOutcome(null, $"the config has {problems.Count} problem(s): {string.Join("; ", problems)}");
        try
        {
            if (form.Mode == LaunchMode.Run)
            {
                RunConfig config = form.ToRunConfig();
                var id = config.RunId();
                await client.LaunchRunAsync(config, id);
                return new LaunchOutcome(RunUrl(id), null);
            }
            ExperimentConfig grid = form.ToExperimentConfig();
            await client.StartExperimentAsync(grid);
            return new LaunchOutcome(ExperimentUrl(grid.Name), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new LaunchOutcome(null, e.Message);
        }
    }
}
