using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AgCc.Hosting;

/// <summary>
/// Every AgCc host prints one line starting with <see cref="Marker"/> once it serves (a silo has
/// joined the cluster, the dashboard listens and its client is connected), so whoever started it
/// can await readiness on its output instead of polling or sleeping.
/// </summary>
public static class ProcessReadiness
{
    public const string Marker = "agcc-ready";

    /// <summary>Prints `agcc-ready DETAILS` when the host has started.</summary>
    public static void AnnounceWhenStarted(IHost host, Func<IServiceProvider, string> details)
    {
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStarted.Register(() =>
        {
            Console.Out.WriteLine($"{Marker} {details(host.Services)}");
            Console.Out.Flush();
        });
    }
}
