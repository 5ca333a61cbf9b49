using Microsoft.Extensions.Options;

namespace AgCc.Grains.Training;

/// <summary>
/// The silo's training slots (<see cref="TrainingOptions.MaxConcurrentTrainings"/>): a trainer
/// holds one from preparing to its end, others queue. Apart from <see cref="SiloDevice"/>'s turn,
/// which feature extraction takes batch by batch: a training holding that turn for hours would
/// stall every feature set on the silo.
/// </summary>
public sealed class TrainingSlots
{
    private readonly SemaphoreSlim slots;

    public TrainingSlots(IOptions<TrainingOptions> options)
    {
        if (options.Value.Problems() is { Count: > 0 } problems) throw new OptionsValidationException(TrainingOptions.Section, typeof(TrainingOptions), problems);
        Capacity = options.Value.MaxConcurrentTrainings;
        slots = new SemaphoreSlim(Capacity, Capacity);
    }

    public int Capacity { get; }

    /// <summary>Trainings running now.</summary>
    public int Busy => Capacity - slots.CurrentCount;

    /// <summary>Waits for a slot; disposing the result gives it back.</summary>
    public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        return new Slot(slots);
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) slots.Release();
        }
    }
}
