using Microsoft.Extensions.DependencyInjection;
using AgCc.Hosting;
using AgCc.Silo;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;

var builder = Host.CreateApplicationBuilder(args);
builder.AddAgCcSilo();

using var host = builder.Build();
ProcessReadiness.AnnounceWhenStarted(host, services =>
{
    var silo = services.GetRequiredService<ILocalSiloDetails>();
    return $"silo {silo.Name} {silo.SiloAddress.ToParsableString()}";
});
await host.RunAsync();
