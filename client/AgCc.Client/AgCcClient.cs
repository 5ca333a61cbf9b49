using AgCc.Core.Corpora;
using AgCc.Core.Corpora.Layouts;
using AgCc.Grains.Catalogs;
using AgCc.Grains.Cluster;
using AgCc.Grains.Features;
using AgCc.Core.Features;
using AgCc.Grains.Corpora;
using AgCc.Grains.Gestures;
using AgCc.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgCc.Client;

/// <summary>
/// The platform's operations for .NET callers (the CLI, the dashboard, notebooks). Create one with
/// <see cref="ConnectAsync(string, string, string, CancellationToken)"/>, or register it over an
/// existing Orleans client with <see cref="ClientServiceCollectionExtensions.AddAgCcClient"/>.
/// </summary>
public sealed partial class AgCcClient(IClusterClient cluster) : IAsyncDisposable
{
    /// <summary>How long <c>ConnectAsync</c> waits for a gateway of the cluster to answer.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(30);

    private IHost? ownedHost;

    /// <summary>Connects to the cluster whose membership table lives in this storage account.</summary>
    public static Task<AgCcClient> ConnectAsync(
        string storageConnectionString,
        string clusterId = AgCcSettings.DefaultClusterId,
        string serviceId = AgCcSettings.DefaultServiceId,
        CancellationToken cancellationToken = default) =>
        ConnectAsync(new AgCcSettings(storageConnectionString, clusterId, serviceId), cancellationToken);

    /// <summary>Connects with the `AgCc` section of <paramref name="configuration"/>.</summary>
    public static Task<AgCcClient> ConnectAsync(IConfiguration configuration, CancellationToken cancellationToken = default) =>
        ConnectAsync(AgCcSettings.Read(configuration), cancellationToken);

    public static async Task<AgCcClient> ConnectAsync(
        AgCcSettings settings, CancellationToken cancellationToken = default, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultConnectTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client.UseAgCcCluster(settings));
        var host = builder.Build();
        try
        {
            await host.StartAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            host.Dispose();
            throw new TimeoutException(
                $"no silo of cluster '{settings.ClusterId}' answered within {limit.TotalSeconds:0} s; is the cluster running, and is the cluster id right?");
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return new AgCcClient(host.Services.GetRequiredService<IClusterClient>()) { ownedHost = host };
    }

    /// <summary>
    /// Registers a corpus by name, layout and location; landmarks and alignments default to the
    /// `openface/` and `mfa/` folders of <paramref name="path"/>. Ingestion is a separate step.
    /// </summary>
    public Task<CorpusInfo> AddCorpusAsync(
        string name, CorpusLayout layout, string path, string? landmarks = null, string? alignments = null,
        CremaDLabelSource cremaLabels = CremaDLabelSource.FileName)
    {
        CorpusName.Validate(name);
        if (cremaLabels != CremaDLabelSource.FileName && layout != CorpusLayout.CremaD)
            throw new ArgumentException($"crowd-vote labels exist only for the crema-d layout, not {layout.ToName()}", nameof(cremaLabels));
        return Corpus(name).Register(new CorpusRegistration(layout, path, landmarks, alignments, cremaLabels));
    }

    /// <summary>Starts (or resumes) a corpus's ingestion in the cluster and returns at once.</summary>
    public Task<IngestionProgress> StartIngestionAsync(string name) => Corpus(name).StartIngestion();

    /// <summary>
    /// Starts a corpus's ingestion and follows it until it completes or fails, reporting progress
    /// every <paramref name="pollInterval"/> (default half a second).
    /// </summary>
    public async Task<IngestionProgress> IngestAsync(
        string name, IProgress<IngestionProgress>? progress = null, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default)
    {
        var started = await StartIngestionAsync(name);
        return await FollowAsync(started, async () => (await GetCorpusSummaryAsync(name)).Ingestion,
            p => p.State is not (IngestionState.Completed or IngestionState.Failed), progress, pollInterval, cancellationToken);
    }

    /// <summary>Reports <paramref name="status"/> and polls it every interval (default half a second) until it stops running.</summary>
    private static async Task<T> FollowAsync<T>(
        T status, Func<Task<T>> poll, Func<T, bool> isRunning, IProgress<T>? progress, TimeSpan? pollInterval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(pollInterval ?? TimeSpan.FromMilliseconds(500));
        while (true)
        {
            progress?.Report(status);
            if (!isRunning(status)) return status;
            await timer.WaitForNextTickAsync(cancellationToken);
            status = await poll();
        }
    }

    /// <summary>A corpus with its ingestion progress and counts per emotion and speaker.</summary>
    public Task<CorpusSummary> GetCorpusSummaryAsync(string name) => Corpus(name).GetSummary();

    /// <summary>The utterances the current ingestion rejected or excluded, with reasons.</summary>
    public Task<IReadOnlyList<RejectedUtterance>> GetRejectionsAsync(string name) => Corpus(name).GetRejections();

    /// <summary>A page of a corpus's ingested utterances (id order), optionally filtered by id.</summary>
    public Task<UtterancePage> GetUtterancesAsync(string corpus, int skip, int take, string? filter = null) =>
        Corpus(corpus).GetUtterances(skip, take, filter);

    /// <summary>An ingested utterance's labels, phones and normalised mouth trajectory, or null.</summary>
    public Task<UtteranceDetail?> GetUtteranceAsync(string corpus, string utterance) =>
        cluster.GetGrain<IUtteranceGrain>(IUtteranceGrain.KeyOf(corpus, utterance)).GetDetail();

    /// <summary>An ingested utterance's audio file (WAV bytes), or null.</summary>
    public Task<byte[]?> GetUtteranceAudioAsync(string corpus, string utterance) =>
        cluster.GetGrain<IUtteranceGrain>(IUtteranceGrain.KeyOf(corpus, utterance)).GetAudio();

    /// <summary>A corpus by name, or null when none of that name is registered.</summary>
    public Task<CorpusInfo?> GetCorpusAsync(string name) => Corpus(name).GetInfo();

    private ICorpusGrain Corpus(string name)
    {
        CorpusName.Validate(name);
        return cluster.GetGrain<ICorpusGrain>(name);
    }

    /// <summary>All registered corpora, by name.</summary>
    public async Task<IReadOnlyList<CorpusInfo>> ListCorporaAsync()
    {
        var names = await Catalog(CatalogKeys.Corpora).List();
        var infos = await Task.WhenAll(names.Select(n => cluster.GetGrain<ICorpusGrain>(n).GetInfo()));
        return infos.OfType<CorpusInfo>().ToArray();
    }

    /// <summary>The live silos with their role and device.</summary>
    /// <summary>Starts (or finds, for an equal spec) the gesture clustering <paramref name="name"/>; it fits in the background.</summary>
    public async Task<GestureClusteringStatus> StartGestureClusteringAsync(string name, GestureClusteringSpec spec)
    {
        var status = await GestureClustering(name).Start(spec);
        await Catalog(CatalogKeys.GestureClusterings).Add(name);
        return status;
    }

    /// <summary>Starts the clustering and waits for it to finish, reporting each iteration.</summary>
    public async Task<GestureClusteringStatus> FitGesturesAsync(
        string name, GestureClusteringSpec spec, IProgress<GestureClusteringStatus>? progress = null, TimeSpan? pollInterval = null,
        CancellationToken cancellationToken = default)
    {
        var started = await StartGestureClusteringAsync(name, spec);
        return await FollowAsync(started, () => GestureClustering(name).GetStatus(), s => s.IsRunning, progress, pollInterval, cancellationToken);
    }

    public Task<GestureClusteringStatus> GetGestureClusteringStatusAsync(string name) => GestureClustering(name).GetStatus();

    public Task<GestureClusteringResult?> GetGestureClusteringResultAsync(string name) => GestureClustering(name).GetResult();

    public Task<IReadOnlyList<SegmentAssignment>> GetSegmentAssignmentsAsync(string name, int offset, int count) =>
        GestureClustering(name).GetAssignments(offset, count);

    public async Task<IReadOnlyList<GestureClusteringStatus>> ListGestureClusteringsAsync()
    {
        var names = await Catalog(CatalogKeys.GestureClusterings).List();
        return await Task.WhenAll(names.Select(n => GestureClustering(n).GetStatus()));
    }

    private IGestureClusteringGrain GestureClustering(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return cluster.GetGrain<IGestureClusteringGrain>(name);
    }

    /// <summary>Starts (or finds, when already extracted from the same ingestion) the features of a corpus under <paramref name="spec"/>; they are extracted in the background.</summary>
    public async Task<FeatureSetStatus> StartFeatureSetAsync(string corpus, FeatureSpec spec)
    {
        var status = await FeatureSet(corpus, spec).Start(spec);
        await Catalog(CatalogKeys.FeatureSets).Add(IFeatureSetGrain.KeyOf(corpus, spec));
        return status;
    }

    /// <summary>Starts the feature set and waits for it to finish, reporting each batch.</summary>
    public async Task<FeatureSetStatus> ExtractFeaturesAsync(
        string corpus, FeatureSpec spec, IProgress<FeatureSetStatus>? progress = null, TimeSpan? pollInterval = null,
        CancellationToken cancellationToken = default)
    {
        var started = await StartFeatureSetAsync(corpus, spec);
        return await FollowAsync(started, () => FeatureSet(corpus, spec).GetStatus(), s => s.IsRunning, progress, pollInterval, cancellationToken);
    }

    public Task<FeatureSetStatus> GetFeatureSetStatusAsync(string corpus, FeatureSpec spec) => FeatureSet(corpus, spec).GetStatus();

    /// <summary>Every feature set ever started, by key (`corpus/spec-key`).</summary>
    public async Task<IReadOnlyList<FeatureSetStatus>> ListFeatureSetsAsync()
    {
        var keys = await Catalog(CatalogKeys.FeatureSets).List();
        return await Task.WhenAll(keys.Select(k => cluster.GetGrain<IFeatureSetGrain>(k).GetStatus()));
    }

    private IFeatureSetGrain FeatureSet(string corpus, FeatureSpec spec)
    {
        CorpusName.Validate(corpus);
        if (spec.Problems() is { Count: > 0 } problems) throw new ArgumentException(string.Join("; ", problems), nameof(spec));
        return cluster.GetGrain<IFeatureSetGrain>(IFeatureSetGrain.KeyOf(corpus, spec));
    }

    private ICatalogGrain Catalog(string kind) => cluster.GetGrain<ICatalogGrain>(kind);

    public Task<ClusterStatus> GetClusterStatusAsync() =>
        cluster.GetGrain<IClusterStatusGrain>(0).GetStatus();

    /// <summary>Per live silo: activations, activations per grain type (short names), messages, CPU and memory.</summary>
    public Task<ClusterStatistics> GetClusterStatisticsAsync() =>
        cluster.GetGrain<IClusterStatusGrain>(0).GetStatistics();

    public async ValueTask DisposeAsync()
    {
        if (ownedHost is null) return;
        try
        {
            await ownedHost.StopAsync();
        }
        finally
        {
            ownedHost.Dispose();
            ownedHost = null;
        }
    }
}
