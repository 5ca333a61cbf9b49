namespace AgCc.Integration.Tests;

internal static class Categories
{
    public const string Integration = "Integration";
}
