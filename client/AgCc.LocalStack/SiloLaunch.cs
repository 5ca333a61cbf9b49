namespace AgCc.LocalStack;

/// <summary>How to start one silo process of the local stack.</summary>
/// <param name="Core">Pin the process to this CPU core (taskset) and size its runtime to one core; null: all cores.</param>
public sealed record SiloLaunch(string Name, string Role, int SiloPort, int GatewayPort, int? Core = null)
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

    public IReadOnlyDictionary<string, string> Environment
    {
        get
        {
            var environment = new Dictionary<string, string>
            {
                ["AgCc__Silo__Name"] = Name,
                ["AgCc__Silo__Role"] = Role,
                ["AgCc__Silo__SiloPort"] = SiloPort.ToString(),
                ["AgCc__Silo__GatewayPort"] = GatewayPort.ToString(),
                ["AgCc__Silo__AdvertisedAddress"] = "127.0.0.1",
            };
            // The runtime sizes its thread pool and Parallel loops by this, not by the affinity mask.
            if (Core is not null) environment["DOTNET_PROCESSOR_COUNT"] = "1";
            return environment;
        }
    }
}
