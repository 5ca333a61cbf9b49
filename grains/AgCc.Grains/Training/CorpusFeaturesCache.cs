using AgCc.Core.Training.Data;
using Microsoft.Extensions.Options;

namespace AgCc.Grains.Training;

/// <summary>
/// Feature sets read into memory once per silo for every run that trains on them: the demo grid's
/// 48 runs train on the same two sets, and reading them from blobs for each run loaded storage
/// and delayed each run's start. Keyed by everything the read depends on (corpus ingestion, set
/// generation, normalisation); the least recently used sets leave first once the total passes
/// <see cref="TrainingOptions.FeatureCacheMegabytes"/>. Runs share the arrays and never write them.
/// </summary>
public sealed class CorpusFeaturesCache(IOptions<TrainingOptions> options)
{
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private long clock;

    private long Budget => (long)options.Value.FeatureCacheMegabytes * 1024 * 1024;

    /// <summary>The cached set, or <paramref name="read"/>'s (one read for concurrent callers; a failed read is not kept).</summary>
    public async Task<CorpusFeatures> GetAsync(string key, Func<Task<CorpusFeatures>> read, CancellationToken cancellationToken)
    {
        if (Budget == 0) return await read();
        Entry entry;
        lock (entries)
        {
            if (!entries.TryGetValue(key, out entry!) || entry.Load.IsFaulted || entry.Load.IsCanceled)
                entries[key] = entry = new Entry(read());
            entry.LastUsed = ++clock;
        }
        try
        {
            var features = await entry.Load.WaitAsync(cancellationToken);
            Admit(key, entry, features);
            return features;
        }
        catch when (!cancellationToken.IsCancellationRequested)
        {
            lock (entries)
                if (entries.TryGetValue(key, out var current) && ReferenceEquals(current, entry)) entries.Remove(key);
            throw;
        }
    }

    /// <summary>Sets held now and their size in bytes (tests, diagnostics).</summary>
    public (int Sets, long Bytes) Size()
    {
        lock (entries) return (entries.Count, entries.Values.Sum(e => e.Bytes));
    }

    private void Admit(string key, Entry entry, CorpusFeatures features)
    {
        lock (entries)
        {
            if (entry.Bytes == 0) entry.Bytes = Math.Max(1, features.Utterances.Sum(u => (long)u.Features.Values.Length * sizeof(float)));
            // Oldest first, never a set still being read (its size is unknown) nor the one just used.
            while (entries.Values.Sum(e => e.Bytes) > Budget)
            {
                var oldest = entries.Where(e => e.Value.Bytes > 0 && e.Key != key).MinBy(e => e.Value.LastUsed);
                if (oldest.Value is null) break;
                entries.Remove(oldest.Key);
            }
            if (entry.Bytes > Budget && entries.TryGetValue(key, out var current) && ReferenceEquals(current, entry)) entries.Remove(key);
        }
    }

    private sealed class Entry(Task<CorpusFeatures> load)
    {
        public Task<CorpusFeatures> Load { get; } = load;
        public long Bytes { get; set; }
        public long LastUsed { get; set; }
    }
}
