using AgCc.Core.Corpora;
using AgCc.Grains.Cluster;
using AgCc.Grains.Corpora;
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
public sealed class AgCcClient(IClusterClient cluster) : IAsyncDisposable
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

    /// <summary>Registers a corpus by name, layout and location (ingestion is a later step).</summary>
    public Task<CorpusInfo> AddCorpusAsync(string name, CorpusLayout layout, string path)
    {
        CorpusName.Validate(name);
        return cluster.GetGrain<ICorpusGrain>(name).Register(new CorpusRegistration(layout, path));
    }

    /// <summary>A corpus by name, or null when none of that name is registered.</summary>
    public Task<CorpusInfo?> GetCorpusAsync(string name)
    {
        CorpusName.Validate(name);
        return cluster.GetGrain<ICorpusGrain>(name).GetInfo();
    }

    /// <summary>All registered corpora, by name.</summary>
    public async Task<IReadOnlyList<CorpusInfo>> ListCorporaAsync()
    {
        var names = await cluster.GetGrain<ICorpusCatalogGrain>(ICorpusCatalogGrain.Key).GetNames();
        var infos = await Task.WhenAll(names.Select(n => cluster.GetGrain<ICorpusGrain>(n).GetInfo()));
        return infos.OfType<CorpusInfo>().ToArray();
    }

    /// <summary>The live silos with their role and device.</summary>
    public Task<ClusterStatus> GetClusterStatusAsync() =>
        cluster.GetGrain<IClusterStatusGrain>(0).GetStatus();

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
