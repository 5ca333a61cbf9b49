using System.Net;

namespace AgCc.Dashboard.Security;

/// <summary>
/// The dashboard binds to loopback by default; binding to any other address (a LAN address,
/// 0.0.0.0, `*`, `+`) without a sign-in configured would hand the cluster to the network, so the
/// dashboard refuses to start and says why.
/// </summary>
public static class BindingRule
{
    /// <summary>Why the dashboard must not serve <paramref name="urls"/>, or null when it may.</summary>
    public static string? Refusal(IEnumerable<string> urls, SignInOptions signIn)
    {
        if (signIn.IsConfigured) return null;
        var exposed = urls.Where(url => !IsLoopback(url)).ToList();
        return exposed.Count == 0
            ? null
            : $"the dashboard would listen on {string.Join(", ", exposed)}, which is not a loopback address, and no sign-in is configured: " +
              $"set {SignInOptions.Section}:User with {SignInOptions.Section}:PasswordHash (agcc dashboard hash-password) or {SignInOptions.Section}:ApiKey, " +
              "or bind to 127.0.0.1";
    }

    /// <summary>Whether a listening URL (`http://127.0.0.1:5000`, `http://localhost:5000`, `http://*:80`) only reaches this machine.</summary>
    public static bool IsLoopback(string url)
    {
        var host = HostOf(url);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    private static string HostOf(string url)
    {
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        rest = rest.Split('/')[0];
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? rest[..(close + 1)] : rest;
        }
        var colon = rest.LastIndexOf(':');
        return colon >= 0 ? rest[..colon] : rest;
    }
}
