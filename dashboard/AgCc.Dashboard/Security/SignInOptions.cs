using AgCc.Hosting.Security;

namespace AgCc.Dashboard.Security;

/// <summary>
/// Who may use the dashboard (configuration section AgCc:Dashboard:SignIn): a user with a password
/// hash (`agcc dashboard hash-password`), an API key (header `X-Api-Key`), or both. Nothing
/// configured: the dashboard serves loopback addresses only and refuses to bind to any other.
/// </summary>
public sealed class SignInOptions
{
    public const string Section = "AgCc:Dashboard:SignIn";

    public string? User { get; set; }

    public string? PasswordHash { get; set; }

    /// <summary>At least 32 characters; sent by scripts and notebooks as `X-Api-Key`.</summary>
    public string? ApiKey { get; set; }

    public const int MinApiKeyLength = 32;

    public bool IsConfigured => !string.IsNullOrEmpty(User) || !string.IsNullOrEmpty(ApiKey);

    public bool HasPassword => !string.IsNullOrEmpty(User) && !string.IsNullOrEmpty(PasswordHash);

    /// <summary>Every problem, each naming its setting; empty when valid (or not configured).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!string.IsNullOrEmpty(User) && string.IsNullOrEmpty(PasswordHash)) problems.Add($"{Section}:PasswordHash is required with {Section}:User");
        if (string.IsNullOrEmpty(User) && !string.IsNullOrEmpty(PasswordHash)) problems.Add($"{Section}:User is required with {Section}:PasswordHash");
        if (!string.IsNullOrEmpty(PasswordHash) && PasswordHashes.Problem(PasswordHash) is { } hash) problems.Add($"{Section}:PasswordHash: {hash}");
        if (ApiKey is { Length: > 0 and < MinApiKeyLength }) problems.Add($"{Section}:ApiKey must be at least {MinApiKeyLength} characters (got {ApiKey.Length})");
        return problems;
    }
}
