using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Gateway.Tests;

[Collection(GatewayPlatform.Name)]
public sealed class ApiDocumentationTests(PlatformFixture platform)
{
    private static readonly string[] Services = ["meetings", "cases", "livelihoods", "notifications"];

    [Fact]
    public async Task Every_services_document_is_served_through_the_gateway_and_validates_as_OpenAPI_3()
    {
        var folder = Directory.CreateTempSubdirectory("openapi-").FullName;
        var files = new List<string>();
        foreach (var service in Services)
        {
            var response = await platform.Gateway.GetAsync($"/openapi/{service}/v1.json");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var file = Path.Combine(folder, service + ".json");
            await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync());
            files.Add(file);
        }
        var broken = Path.Combine(folder, "broken.json");
        await File.WriteAllTextAsync(broken, """{"openapi": "3.1.1", "info": {"title": "no version"}, "paths": {}}""");

        var (valid, output) = await ValidateAsync(files);
        var (brokenValid, _) = await ValidateAsync([broken]);

        Assert.True(valid, output);
        Assert.Equal(Services.Length, output.Split('\n').Count(l => l.StartsWith("valid OpenAPI 3.", StringComparison.Ordinal)));
        Assert.False(brokenValid, "the validator must be able to fail");
    }

    [Theory]
    [InlineData("meetings", new[] { "meetings.read", "meetings.write" })]
    [InlineData("cases", new[] { "cases.read", "cases.write" })]
    [InlineData("livelihoods", new[] { "livelihoods.read", "livelihoods.write" })]
    [InlineData("notifications", new[] { "notifications.read" })]
    public async Task Each_document_declares_the_client_credentials_flow_with_its_services_scopes(string service, string[] scopes)
    {
        var document = await platform.Gateway.GetFromJsonAsync<JsonElement>($"/openapi/{service}/v1.json");

        var flow = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("partner")
            .GetProperty("flows").GetProperty("clientCredentials");
        Assert.Equal(platform.App.GetEndpoint("gateway") + "/connect/token", flow.GetProperty("tokenUrl").GetString());
        Assert.Equal(scopes, flow.GetProperty("scopes").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(platform.App.GetEndpoint("gateway"), document.GetProperty("servers")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task An_operation_names_the_scope_it_needs()
    {
        var document = await platform.Gateway.GetFromJsonAsync<JsonElement>("/openapi/meetings/v1.json");

        var register = document.GetProperty("paths").GetProperty("/api/v1/institutions").GetProperty("post");
        var requirement = register.GetProperty("security")[0].GetProperty("partner");
        Assert.Equal(["meetings.write"], requirement.EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Every_operation_of_every_document_declares_its_success_response_with_a_schema_and_its_problem_answers()
    {
        var missing = new List<string>();
        var operations = 0;
        foreach (var service in Services)
        {
            var document = await platform.Gateway.GetFromJsonAsync<JsonElement>($"/openapi/{service}/v1.json");
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                operations++;
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name} ({service})";
                var responses = operation.Value.GetProperty("responses").EnumerateObject().ToList();
                var success = responses.Where(r => r.Name.StartsWith('2')).ToList();
                if (success.Count == 0) missing.Add($"{name}: no success response");
                foreach (var response in success.Where(r => r.Name is not ("202" or "204")))
                    if (!HasSchema(response.Value, out var type)) missing.Add($"{name}: {response.Name} without a schema");
                    else if (type is "{}") missing.Add($"{name}: {response.Name} with an empty schema");
                if (!responses.Any(r => r.Name.StartsWith('4') && HasSchema(r.Value, out _, "application/problem+json")))
                    missing.Add($"{name}: no problem response");
                if (path.Name.Contains("{id}", StringComparison.Ordinal) && !responses.Any(r => r.Name == "404"))
                    missing.Add($"{name}: no 404 for an id that is not there");
                if (operation.Value.TryGetProperty("requestBody", out _) && !responses.Any(r => r.Name == "400"))
                    missing.Add($"{name}: no 400 for a body that cannot be read");
            }
        }

        Assert.True(operations >= 60, $"only {operations} operations");
        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }

    /// <summary>A response with a body of <paramref name="contentType"/> (any, when null) described by a schema.</summary>
    private static bool HasSchema(JsonElement response, out string schema, string? contentType = null)
    {
        schema = "";
        if (!response.TryGetProperty("content", out var content)) return false;
        foreach (var media in content.EnumerateObject().Where(m => contentType is null || m.Name == contentType))
            if (media.Value.TryGetProperty("schema", out var found))
            {
                schema = found.GetRawText().Replace(" ", "").Replace("\n", "");
                return true;
            }
        return false;
    }

    [Fact]
    public async Task The_docs_page_offers_every_services_document()
    {
        var page = await platform.Gateway.GetStringAsync("/docs/");
        var script = await platform.Gateway.GetAsync("/docs/scalar.js");

        foreach (var service in Services) Assert.Contains($"openapi/{service}/v1.json", page);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    private async Task<(bool Valid, string Output)> ValidateAsync(IEnumerable<string> files)
    {
        var tool = Path.Combine(platform.App.RepositoryRoot, "tests", "tools", "openapi");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = tool };
        start.ArgumentList.Add("validate.mjs");
        foreach (var file in files) start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode == 0, await output + await error);
    }
}
