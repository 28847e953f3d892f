using System.Net;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Platform.Gateway.ServiceDiscovery;

/// <summary>
/// Expands a destination such as <c>http://meetings</c> into the addresses service discovery knows
/// (<c>services__meetings__http__0</c> under the AppHost), and tells YARP when they change.
/// </summary>
internal sealed class ServiceDiscoveryDestinationResolver(ServiceEndpointResolver resolver) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, DestinationConfig>();
        var changeTokens = new List<IChangeToken>();
        foreach (var (name, destination) in destinations)
        {
            var source = await resolver.GetEndpointsAsync(destination.Address, cancellationToken);
            changeTokens.Add(source.ChangeToken);
            var index = 0;
            foreach (var endpoint in source.Endpoints)
            {
                var address = endpoint.EndPoint switch
                {
                    UriEndPoint uri => uri.Uri.ToString(),
                    DnsEndPoint dns => $"{new Uri(destination.Address).Scheme}://{dns.Host}:{dns.Port}",
                    IPEndPoint ip => $"{new Uri(destination.Address).Scheme}://{ip}",
                    _ => destination.Address,
                };
                resolved[$"{name}[{index++}]"] = destination with { Address = address };
            }
        }
        return new ResolvedDestinationCollection(resolved, new CompositeChangeToken(changeTokens));
    }
}
