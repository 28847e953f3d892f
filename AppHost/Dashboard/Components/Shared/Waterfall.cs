using Platform.AppHost.Telemetry.Model;

namespace Platform.AppHost.Dashboard.Components.Shared;

/// <summary>A trace's spans as the rows of a waterfall: each under its parent, siblings in start order.</summary>
public static class Waterfall
{
    public static IReadOnlyList<(SpanRecord Span, int Depth)> Rows(IReadOnlyList<SpanRecord> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var children = spans.Where(s => s.ParentSpanId is not null && ids.Contains(s.ParentSpanId))
            .GroupBy(s => s.ParentSpanId!)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Start).ToList());
        var rows = new List<(SpanRecord, int)>(spans.Count);
        // Spans whose parent has not arrived (or aged out) start trees of their own.
        foreach (var root in spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)).OrderBy(s => s.Start))
            Visit(root, 0);
        return rows;

        void Visit(SpanRecord span, int depth)
        {
            rows.Add((span, depth));
            foreach (var child in children.GetValueOrDefault(span.SpanId) ?? []) Visit(child, depth + 1);
        }
    }
}
