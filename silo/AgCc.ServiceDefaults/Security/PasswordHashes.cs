using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AgCc.Hosting.Security;

/// <summary>
/// Password hashes for the dashboard's sign-in (`agcc dashboard hash-password` writes one):
/// `pbkdf2-sha256$ITERATIONS$SALT$HASH` (salt and hash in base64), PBKDF2 with SHA-256 at OWASP's
/// 2023 iteration count, so the configuration never holds the password itself.
/// </summary>
public static class PasswordHashes
{
    private const string Scheme = "pbkdf2-sha256";
    private const int Iterations = 600_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Hash(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Whether <paramref name="password"/> matches <paramref name="encoded"/> (compared in constant time); false for a malformed hash.</summary>
    public static bool Verify(string password, string encoded) =>
        Parse(encoded) is { } parts &&
        CryptographicOperations.FixedTimeEquals(
            Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password ?? ""), parts.Salt, parts.Iterations, HashAlgorithmName.SHA256, parts.Hash.Length),
            parts.Hash);

    /// <summary>Why <paramref name="encoded"/> is not a hash this class wrote, or null.</summary>
    public static string? Problem(string? encoded) =>
        Parse(encoded) is null ? $"expected {Scheme}$ITERATIONS$SALT$HASH (from `agcc dashboard hash-password`)" : null;

    private static (int Iterations, byte[] Salt, byte[] Hash)? Parse(string? encoded)
    {
        var parts = (encoded ?? "").Split('$');
        if (parts.Length != 4 || parts[0] != Scheme) return null;
        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1) return null;
        try
        {
            var (salt, hash) = (Convert.FromBase64String(parts[2]), Convert.FromBase64String(parts[3]));
            return salt.Length == 0 || hash.Length == 0 ? null : (iterations, salt, hash);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
