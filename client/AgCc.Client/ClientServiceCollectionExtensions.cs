using AgCc.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AgCc.Client;

public static class ClientServiceCollectionExtensions
{
    /// <summary>
    /// Adds an Orleans client joined to the AgCc cluster (settings from the `AgCc` section) and
    /// an <see cref="AgCcClient"/> over it, for hosts such as the dashboard.
    /// </summary>
    public static IHostApplicationBuilder AddAgCcClient(this IHostApplicationBuilder builder, Action<Orleans.Hosting.IClientBuilder>? configure = null)
    {
        var settings = AgCcSettings.Read(builder.Configuration);
        builder.UseOrleansClient(client =>
        {
            client.UseAgCcCluster(settings);
            configure?.Invoke(client);
        });
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(sp => new AgCcClient(sp.GetRequiredService<IClusterClient>()));
        return builder;
    }
}
