using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Platform.AppHost.Resources;

/// <summary>
/// Server passwords and the services' sealing keys are Aspire parameters: generated once, kept in the
/// AppHost's user secrets (<c>Parameters:{name}</c>), so data sealed with them still opens after a
/// restart. In production they come from configuration (<c>Parameters__{name}</c>, a secret store).
/// </summary>
public static class GeneratedSecrets
{
    public static IResourceBuilder<ParameterResource> AddGeneratedSecret(this IDistributedApplicationBuilder builder, string name) =>
        builder.Resources.OfType<ParameterResource>().FirstOrDefault(p => p.Name == name) is { } existing
            ? builder.CreateResourceBuilder(existing)
            // Under test every run has throwaway data, so nothing is kept.
            : builder.AddParameter(name, new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true, persist: !builder.IsUnderTest());

    /// <summary>
    /// The AppHost before Aspire kept its generated secrets in <c>.state/secrets.json</c>; the servers' data
    /// folders made then open only with those, so they are read as parameters when the file is there.
    /// </summary>
    public static IConfigurationBuilder AddSecretsOfEarlierRuns(this IConfigurationBuilder configuration, IDistributedApplicationBuilder builder)
    {
        if (builder.IsUnderTest()) return configuration;
        var file = Path.Combine(builder.StateRoot(), "secrets.json");
        if (!File.Exists(file)) return configuration;
        var secrets = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file)) ?? [];
        return configuration.AddInMemoryCollection(secrets.Select(s => KeyValuePair.Create<string, string?>($"Parameters:{s.Key}", s.Value)));
    }
}
