namespace Platform.WebApi.Paging;

/// <summary>One page of a list: <c>?page=1&amp;pageSize=20</c> (at most 100 a page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalItems)
{
    public int TotalPages => TotalItems == 0 ? 0 : (TotalItems + PageSize - 1) / PageSize;
}

public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int MaxPageSize = 100;

    public int Skip => (Page - 1) * PageSize;

    /// <summary>Reads <c>page</c> and <c>pageSize</c>, adding field errors for values out of range.</summary>
    public static PageRequest From(int? page, int? pageSize, IDictionary<string, string[]> errors)
    {
        if (page is < 1) errors["page"] = ["Pages are numbered from 1."];
        if (pageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"A page holds 1 to {MaxPageSize} items."];
        return new PageRequest(Math.Max(page ?? 1, 1), Math.Clamp(pageSize ?? 20, 1, MaxPageSize));
    }
}
