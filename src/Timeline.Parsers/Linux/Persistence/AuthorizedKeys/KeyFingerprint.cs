using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Timeline.Parsers.Linux.Persistence.AuthorizedKeys;

/// <summary>
/// The OpenSSH SHA-256 fingerprint of a public key, exactly as <c>ssh-keygen -lf</c> prints it and
/// sshd logs it (<c>Accepted publickey for root from 203.0.113.45 port 40112 ssh2: RSA SHA256:…</c>):
/// <c>SHA256:</c> + base64 (no <c>=</c> padding) of the SHA-256 of the decoded key blob. The blob
/// is an SSH wire string list (RFC 4253 §6.6) whose first string is the key type again.
/// </summary>
public static class KeyFingerprint
{
    /// <summary>Decodes <paramref name="base64"/>; false with a reason when it is not a key blob of <paramref name="keyType"/>.</summary>
    public static bool TryCompute(string keyType, string base64, out string fingerprint, out string problem)
    {
        fingerprint = problem = "";
        var blob = new byte[base64.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(base64, blob, out var length))
        {
            problem = "the key is not valid base64";
            return false;
        }
        var key = blob.AsSpan(0, length);
        var nameLength = key.Length < 4 ? uint.MaxValue : BinaryPrimitives.ReadUInt32BigEndian(key);
        if (nameLength > (uint)Math.Max(0, key.Length - 4))
        {
            problem = "the decoded key is too short to be an SSH key blob";
            return false;
        }
        var inner = Encoding.ASCII.GetString(key.Slice(4, (int)nameLength));
        if (!string.Equals(inner, keyType, StringComparison.Ordinal))
        {
            problem = $"the key blob is of type '{inner}' but the line says '{keyType}'";
            return false;
        }
        fingerprint = "SHA256:" + Convert.ToBase64String(SHA256.HashData(key)).TrimEnd('=');
        return true;
    }
}
