namespace Platform.AppHost.Dashboard.Components.Shared;

/// <summary>An option of a filter: the value it sets and what it says ("" for "all").</summary>
public sealed record Choice(string Value, string Text);
