namespace AgCc.Browser.Tests;

internal static class Categories
{
    /// <summary>A real browser against a real stack (the Integration category: they need Azurite and the stack's processes).</summary>
    public const string Integration = "Integration";
}
