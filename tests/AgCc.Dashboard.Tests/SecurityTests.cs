using AgCc.Dashboard.Security;
using AgCc.Hosting.Security;

namespace AgCc.Dashboard.Tests;

/// <summary>The binding rule (loopback unless a sign-in is configured), the sign-in settings' checks, and the password hashes.</summary>
public sealed class SecurityTests
{
    private static readonly SignInOptions None = new();
    private static readonly SignInOptions WithKey = new() { ApiKey = new string('k', SignInOptions.MinApiKeyLength) };

    [Theory]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://127.0.0.2:5000")]
    [InlineData("http://localhost:5000")]
    [InlineData("https://LOCALHOST:443/")]
    [InlineData("http://[::1]:5000")]
    public void Loopback_addresses_need_no_sign_in(string url)
    {
        Assert.True(BindingRule.IsLoopback(url));
        Assert.Null(BindingRule.Refusal([url], None));
    }

    [Theory]
    [InlineData("http://0.0.0.0:5000")]
    [InlineData("http://*:80")]
    [InlineData("http://+:80")]
    [InlineData("http://[::]:5000")]
    [InlineData("http://192.168.1.20:5000")]
    [InlineData("http://dashboard.lab.example:5000")]
    public void Any_other_address_is_refused_without_a_sign_in_and_allowed_with_one(string url)
    {
        Assert.False(BindingRule.IsLoopback(url));
        var refusal = BindingRule.Refusal(["http://127.0.0.1:5001", url], None);
        Assert.NotNull(refusal);
        Assert.Contains(url, refusal);
        Assert.DoesNotContain("127.0.0.1:5001", refusal);
        Assert.Contains(SignInOptions.Section + ":User", refusal);
        Assert.Null(BindingRule.Refusal([url], WithKey));
        Assert.Null(BindingRule.Refusal([url], new SignInOptions { User = "alice", PasswordHash = PasswordHashes.Hash("pw") }));
    }

    [Fact]
    public void Sign_in_settings_name_each_problem()
    {
        Assert.Empty(None.Problems());
        Assert.False(None.IsConfigured);
        Assert.Contains(new SignInOptions { User = "alice" }.Problems(), p => p.Contains("PasswordHash is required", StringComparison.Ordinal));
        Assert.Contains(new SignInOptions { PasswordHash = PasswordHashes.Hash("x") }.Problems(), p => p.Contains("User is required", StringComparison.Ordinal));
        Assert.Contains(new SignInOptions { User = "alice", PasswordHash = "plain-text" }.Problems(), p => p.Contains("PasswordHash: expected pbkdf2-sha256$", StringComparison.Ordinal));
        Assert.Contains(new SignInOptions { ApiKey = "short" }.Problems(), p => p.Contains("ApiKey must be at least 32 characters (got 5)", StringComparison.Ordinal));
        Assert.Empty(WithKey.Problems());
    }

    [Fact]
    public void A_password_hash_verifies_its_password_only_and_is_salted()
    {
        var hash = PasswordHashes.Hash("correct horse");

        Assert.True(PasswordHashes.Verify("correct horse", hash));
        Assert.False(PasswordHashes.Verify("correct horse ", hash));
        Assert.False(PasswordHashes.Verify("", hash));
        Assert.NotEqual(hash, PasswordHashes.Hash("correct horse"));
        Assert.Null(PasswordHashes.Problem(hash));
        Assert.StartsWith("pbkdf2-sha256$600000$", hash);
        foreach (var malformed in new[] { "", "pbkdf2-sha256$x$AAAA$AAAA", "md5$1$AAAA$AAAA", "pbkdf2-sha256$10$not-base64$AAAA", "pbkdf2-sha256$10$$AAAA" })
        {
            Assert.NotNull(PasswordHashes.Problem(malformed));
            Assert.False(PasswordHashes.Verify("x", malformed));
        }
    }
}
