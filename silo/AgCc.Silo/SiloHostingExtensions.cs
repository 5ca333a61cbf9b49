using Microsoft.Extensions.DependencyInjection;
using AgCc.Core.Torch;
using AgCc.Grains;
using AgCc.Artifacts;
using AgCc.Grains.Cluster;
using AgCc.Grains.Corpora;
using AgCc.Grains.Gestures;
using AgCc.Grains.Training;
using AgCc.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace AgCc.Silo;

public static class SiloHostingExtensions
{
    /// <summary>Container of the blob-backed grain state.</summary>
    public const string GrainStateContainer = "agcc-grains";

    /// <summary>
    /// A silo of the AgCc cluster: Azure Table membership and reminders, Azure Blob grain state,
    /// its role and torch device published as silo metadata, and the Orleans dashboard's collector.
    /// </summary>
    public static IHostApplicationBuilder AddAgCcSilo(this IHostApplicationBuilder builder)
    {
        var settings = AgCcSettings.Read(builder.Configuration);
        var silo = SiloSettings.Read(builder.Configuration);
        // Resolving the device loads libtorch: a silo that cannot train fails here, at start.
        var torchDevice = TorchDevice.Resolve(silo.Device);
        var device = TorchDevice.Describe(torchDevice);

        builder.UseOrleans(orleans =>
        {
            orleans.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
            orleans.Configure<SiloOptions>(o => o.SiloName = silo.Name);
            orleans.ConfigureEndpoints(silo.AdvertisedAddress, silo.SiloPort, silo.GatewayPort, listenOnAnyHostAddress: false);
            // Failure-detection timings (ProbeTimeout, NumMissedProbesLimit, ...) from AgCc:Membership.
            orleans.Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection("AgCc:Membership"));

            orleans.UseAzureStorageClustering(o => o.TableServiceClient = StorageClients.Tables(settings.StorageConnectionString));
            orleans.UseAzureTableReminderService(o => o.TableServiceClient = StorageClients.Tables(settings.StorageConnectionString));
            orleans.AddAzureBlobGrainStorage(GrainStorage.Name, o =>
            {
                o.BlobServiceClient = StorageClients.Blobs(settings.StorageConnectionString);
                o.ContainerName = GrainStateContainer;
            });

            orleans.UseSiloMetadata(new Dictionary<string, string>
            {
                [SiloMetadataKeys.Role] = silo.Role,
                [SiloMetadataKeys.Device] = device,
            });
            orleans.AddDashboard();
            orleans.AddAgCcGrains();
        });
        builder.Services.Configure<IngestionOptions>(builder.Configuration.GetSection(IngestionOptions.Section));
        builder.Services.Configure<GestureClusteringOptions>(builder.Configuration.GetSection(GestureClusteringOptions.Section));
        builder.Services.Configure<TrainingOptions>(builder.Configuration.GetSection(TrainingOptions.Section));
        builder.Services.AddSingleton(new SiloDevice(torchDevice));
        builder.Services.AddSingleton<IArtifactStore>(_ => new BlobArtifactStore(StorageClients.Blobs(settings.StorageConnectionString)));
        return builder;
    }
}
