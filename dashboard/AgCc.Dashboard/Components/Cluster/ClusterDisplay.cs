using System.Globalization;

namespace AgCc.Dashboard.Components.Cluster;

/// <summary>The Cluster page's texts and interval, pure so that tests check them.</summary>
public static class ClusterDisplay
{
    /// <summary>The page reads membership and statistics this often.</summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(2);

    /// <summary>The Orleans ops dashboard (loopback clients only).</summary>
    public const string OpsDashboard = "/ops/orleans";

    /// <summary>`512 MiB`, `1.5 GiB`; a dash when unknown.</summary>
    public static string Bytes(long? bytes)
    {
        if (bytes is not { } b || b < 0) return "—";
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = b;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? $"{b} B" : value.ToString(value >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    /// <summary>`12.5%`; a dash when unknown.</summary>
    public static string Percent(float? percent) =>
        percent is { } p && float.IsFinite(p) ? p.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
