using System.Net;
using System.Net.Sockets;

namespace AgCc.LocalStack;

/// <summary>Free TCP ports on loopback, chosen by the OS, so parallel stacks never collide.</summary>
public static class FreePorts
{
    public static int[] Take(int count)
    {
        // Hold all listeners until every port is chosen, so one call never returns a port twice.
        var listeners = Enumerable.Range(0, count).Select(_ =>
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return listener;
        }).ToArray();
        try
        {
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners) listener.Stop();
        }
    }
}
