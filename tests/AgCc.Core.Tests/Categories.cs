namespace AgCc.Core.Tests;

internal static class Categories
{
    public const string Unit = "Unit";
}
