namespace Platform.AppHost.Dashboard.Components.Shared;

/// <summary>One colour per resource, the same on every page (derived from the name, not from order).</summary>
public static class ResourceColors
{
    private static readonly string[] Palette = ["#0f6cbd", "#107c10", "#c239b3", "#ca5010", "#038387", "#8764b8", "#986f0b", "#c50f1f", "#4f6bed", "#00827f"];

    public static string Of(string resource)
    {
        var hash = 0;
        foreach (var c in resource) hash = unchecked(hash * 31 + c);
        return Palette[(int)((uint)hash % Palette.Length)];
    }

    public static string Style(string resource) => $"--resource-color:{Of(resource)}";
}

public static class Durations
{
    public static string Format(TimeSpan duration) => duration.TotalMilliseconds switch
    {
        < 1 => $"{duration.TotalMicroseconds:0} µs",
        < 1000 => $"{duration.TotalMilliseconds:0.0} ms",
        _ => $"{duration.TotalSeconds:0.00} s",
    };
}
