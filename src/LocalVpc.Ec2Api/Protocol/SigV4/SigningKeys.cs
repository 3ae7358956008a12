using Microsoft.Extensions.Configuration;

namespace LocalVpc.Ec2Api.Protocol.SigV4;

/// <summary>One access key: its secret and the account it acts as.</summary>
public sealed record SigningKey(string AccessKeyId, string Secret, string Account);

/// <summary>
/// The access keys <c>--auth sigv4</c> accepts, read from a credentials file in the format of <c>~/.aws/credentials</c>:
/// a profile per key, with <c>aws_access_key_id</c>, <c>aws_secret_access_key</c> and the account as <c>account_id</c>
/// (or the SDKs' <c>aws_account_id</c>); a profile without one acts as the default account.
/// </summary>
public sealed class SigningKeys(IReadOnlyDictionary<string, SigningKey> keys)
{
    public static SigningKeys None { get; } = new(new Dictionary<string, SigningKey>());

    public int Count => keys.Count;

    public SigningKey? Find(string accessKeyId) => keys.GetValueOrDefault(accessKeyId);

    /// <summary>The keys of the file; null and why when it cannot be read or a profile is incomplete.</summary>
    public static (SigningKeys? Keys, string? Error) Load(string path, string defaultAccount)
    {
        IConfigurationRoot file;
        try
        {
            file = new ConfigurationBuilder().AddIniFile(Path.GetFullPath(path), optional: false).Build();
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            return (null, $"The credentials file {path} cannot be read: {e.Message}");
        }
        var keys = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        foreach (var profile in file.GetChildren())
        {
            var (id, secret) = (profile["aws_access_key_id"], profile["aws_secret_access_key"]);
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
                return (null, $"Profile [{profile.Key}] of {path} needs both aws_access_key_id and aws_secret_access_key.");
            var account = profile["account_id"] ?? profile["aws_account_id"] ?? defaultAccount;
            if (account.Length != 12 || !account.All(char.IsAsciiDigit))
                return (null, $"Profile [{profile.Key}] of {path}: account_id must be 12 digits, not '{account}'.");
            if (!keys.TryAdd(id, new SigningKey(id, secret, account)))
                return (null, $"The access key {id} appears in more than one profile of {path}.");
        }
        return keys.Count == 0 ? (null, $"The credentials file {path} holds no access key.") : (new SigningKeys(keys), null);
    }
}
