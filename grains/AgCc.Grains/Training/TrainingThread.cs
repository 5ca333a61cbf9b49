namespace AgCc.Grains.Training;

/// <summary>
/// Runs a training on a thread of its own: RunTrainer is synchronous, its dispose scopes belong to
/// one thread, and a training takes hours, so neither a grain turn nor the thread pool may hold it.
/// Awaiting the result from a grain continues on the grain's scheduler.
/// </summary>
public static class TrainingThread
{
    public static Task<T> Run<T>(string name, Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                done.SetResult(work());
            }
            catch (OperationCanceledException e)
            {
                done.SetCanceled(e.CancellationToken);
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return done.Task;
    }
}
