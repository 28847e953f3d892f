namespace Platform.Notifications.Delivery;

/// <summary>How the delivery log shows a participant: enough to tell two rows apart, never enough to reach her.</summary>
public static class Masking
{
    /// <summary><c>fatma.yilmaz@example.org</c> becomes <c>f***@example.org</c>.</summary>
    public static string Email(string email)
    {
        var at = email.LastIndexOf('@');
        if (at <= 0) return "***";
        return $"{char.ToLowerInvariant(email[0])}***{email[at..]}";
    }

    /// <summary><c>Fatma Yılmaz</c> becomes <c>F*** Y***</c>; Arabic script keeps its first letters the same way.</summary>
    public static string Name(string fullName) =>
        string.Join(' ', fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(word => char.IsSurrogate(word[0]) ? "***" : $"{word[0]}***"));
}
