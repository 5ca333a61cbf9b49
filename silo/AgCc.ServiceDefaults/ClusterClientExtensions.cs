using Orleans.Configuration;
using Orleans.Hosting;

namespace AgCc.Hosting;

public static class ClusterClientExtensions
{
    /// <summary>Joins the AgCc cluster as a client: Azure Table membership gives the gateways.</summary>
    public static IClientBuilder UseAgCcCluster(this IClientBuilder client, AgCcSettings settings)
    {
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });
        client.UseAzureStorageClustering(o => o.TableServiceClient = StorageClients.Tables(settings.StorageConnectionString));
        // A fresh gateway list within seconds, so a client notices restarted silos quickly.
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        return client;
    }
}
