using System.Security.Cryptography;

namespace Timeline.Detection.Chain;

/// <summary>
/// The fingerprint sshd logs for a public key (<c>Accepted publickey … SHA256:…</c>): SHA-256 of the
/// decoded key blob, base64 without padding — the same as <c>ssh-keygen -lf</c>. Lets a key echoed
/// into authorized_keys in a history file be matched with the login that used it.
/// </summary>
public static class SshKeyFingerprint
{
    public static string? Of(string base64Blob)
    {
        try
        {
            var blob = Convert.FromBase64String(base64Blob);
            return "SHA256:" + Convert.ToBase64String(SHA256.HashData(blob)).TrimEnd('=');
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
