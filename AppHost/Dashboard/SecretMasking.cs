using System.Text.RegularExpressions;

namespace Platform.AppHost.Dashboard;

/// <summary>
/// What the dashboard shows of an environment: everything but secrets. A variable named like a secret
/// is hidden whole; a password inside a connection string or a URL (amqp://user:password@host) is hidden.
/// </summary>
internal static partial class SecretMasking
{
    public const string Hidden = "••••••";

    public static string Mask(string name, string value) =>
        SecretName().IsMatch(name) ? Hidden : MaskValue(value);

    public static string MaskValue(string value)
    {
        var masked = ConnectionStringPassword().Replace(value, m => $"{m.Groups[1].Value}={Hidden}");
        return UrlPassword().Replace(masked, m => $"{m.Groups[1].Value}:{Hidden}@");
    }

    [GeneratedRegex("(PASSWORD|SECRET|TOKEN|KEY|PRIVATE)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex("(Password|Pwd)=[^;]*", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionStringPassword();

    [GeneratedRegex(@"(//[^:/@\s]+):[^@/\s]+@")]
    private static partial Regex UrlPassword();
}
