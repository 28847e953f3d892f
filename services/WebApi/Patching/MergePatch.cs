using System.Runtime.CompilerServices;

namespace Platform.WebApi.Patching;

/// <summary>
/// A request body that remembers which of its properties the JSON named, so that a JSON merge patch
/// (RFC 7396) can tell a field sent as null (clear it) from a field not sent (keep it). Properties
/// record themselves as they are set: <c>public string? Phone { get; init => field = Sent(value); }</c>.
/// </summary>
public abstract class MergePatch
{
    private readonly HashSet<string> _sent = new(StringComparer.Ordinal);

    protected T Sent<T>(T value, [CallerMemberName] string property = "")
    {
        _sent.Add(property);
        return value;
    }

    /// <summary>Whether the body named <paramref name="property"/> (a C# property name), null or not.</summary>
    public bool Has(string property) => _sent.Contains(property);
}
