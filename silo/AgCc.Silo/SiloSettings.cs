using System.Net;
using Microsoft.Extensions.Configuration;

namespace AgCc.Silo;

/// <summary>This silo's own settings, from the `AgCc:Silo` section.</summary>
public sealed record SiloSettings(
    string Name, string Role, string Device, IPAddress AdvertisedAddress, int SiloPort, int GatewayPort)
{
    public const string Section = "AgCc:Silo";
    public static readonly string[] Roles = ["cpu", "gpu"];

    public static SiloSettings Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var problems = new List<string>();

        var role = (section["Role"] ?? "cpu").Trim().ToLowerInvariant();
        if (!Roles.Contains(role)) problems.Add($"{Section}:Role is '{role}': expected one of {string.Join(", ", Roles)}");

        var addressText = section["AdvertisedAddress"] ?? "127.0.0.1";
        if (!IPAddress.TryParse(addressText, out var address))
            problems.Add($"{Section}:AdvertisedAddress is '{addressText}': expected an IP address");

        var siloPort = Port("SiloPort", 11111);
        var gatewayPort = Port("GatewayPort", 30000);
        if (siloPort == gatewayPort && siloPort > 0)
            problems.Add($"{Section}:SiloPort and {Section}:GatewayPort are both {siloPort}");

        if (problems.Count > 0) throw new InvalidOperationException("invalid configuration: " + string.Join("; ", problems));

        var name = section["Name"] is { Length: > 0 } given ? given : $"{role}-silo-{siloPort}";
        return new SiloSettings(name, role, section["Device"] ?? "auto", address!, siloPort, gatewayPort);

        int Port(string key, int fallback)
        {
            var text = section[key];
            if (text is null) return fallback;
            if (int.TryParse(text, out var port) && port is > 0 and < 65536) return port;
            problems.Add($"{Section}:{key} is '{text}': expected a TCP port 1–65535");
            return fallback;
        }
    }
}
