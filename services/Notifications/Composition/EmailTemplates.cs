using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using Fluid;

namespace Platform.Notifications.Composition;

/// <summary>
/// The email templates: <c>Templates/{language}/{template}.liquid</c> for the body and
/// <c>Templates/{language}/subjects.json</c> for subjects, rendered with Fluid. Bodies are HTML-encoded
/// (a name like "&lt;script&gt;" arrives as text); subjects are plain text.
/// </summary>
public sealed class EmailTemplates
{
    private static readonly FluidParser Parser = new();
    // Escapes what HTML needs escaped (<, >, &, quotes) and leaves Turkish and Arabic letters as they are.
    private static readonly HtmlEncoder BodyEncoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    private static readonly TemplateOptions Options = new() { MemberAccessStrategy = new UnsafeMemberAccessStrategy() };
    private readonly string _root = Path.Combine(AppContext.BaseDirectory, "Templates");
    private readonly ConcurrentDictionary<string, IFluidTemplate> _parsed = new(StringComparer.Ordinal);

    public string RenderBody(string language, string template, object model) =>
        Get($"{language}/{template}", () => File.ReadAllText(Path.Combine(_root, language, template + ".liquid")))
            .Render(new TemplateContext(model, Options), BodyEncoder);

    public string RenderSubject(string language, string kind, object model) =>
        Get($"{language}/subject/{kind}", () =>
        {
            using var subjects = JsonDocument.Parse(File.ReadAllText(Path.Combine(_root, language, "subjects.json")));
            return subjects.RootElement.GetProperty(kind).GetString()!;
        }).Render(new TemplateContext(model, Options), NullEncoder.Default);

    private IFluidTemplate Get(string key, Func<string> source) => _parsed.GetOrAdd(key, _ =>
        Parser.TryParse(source(), out var template, out var error)
            ? template
            : throw new InvalidOperationException($"Email template {key} does not parse: {error}"));
}
