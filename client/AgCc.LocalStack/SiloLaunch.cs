namespace AgCc.LocalStack;

/// <summary>How to start one silo process of the local stack.</summary>
public sealed record SiloLaunch(string Name, string Role, int SiloPort, int GatewayPort)
{
    /// <summary>Failure detection in about a second (for tests); Orleans' defaults take ~13 s.</summary>
    public static readonly IReadOnlyDictionary<string, string> FastFailureDetection = new Dictionary<string, string>
    {
        ["AgCc__Membership__ProbeTimeout"] = "00:00:01",
        ["AgCc__Membership__NumMissedProbesLimit"] = "2",
        ["AgCc__Membership__NumVotesForDeathDeclaration"] = "1",
        ["AgCc__Membership__TableRefreshTimeout"] = "00:00:02",
        ["AgCc__Membership__IAmAliveTablePublishTimeout"] = "00:00:05",
    };

    public static SiloLaunch WithFreePorts(string name, string role)
    {
        var ports = FreePorts.Take(2);
        return new SiloLaunch(name, role, ports[0], ports[1]);
    }

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["AgCc__Silo__Name"] = Name,
        ["AgCc__Silo__Role"] = Role,
        ["AgCc__Silo__SiloPort"] = SiloPort.ToString(),
        ["AgCc__Silo__GatewayPort"] = GatewayPort.ToString(),
        ["AgCc__Silo__AdvertisedAddress"] = "127.0.0.1",
    };
}
