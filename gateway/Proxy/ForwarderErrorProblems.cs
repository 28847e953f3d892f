using System.Net.Sockets;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Yarp.ReverseProxy.Forwarder;

namespace Platform.Gateway.Proxy;

/// <summary>
/// When forwarding fails, the partner gets a problem-details body with the right status: a service
/// that is not listening is 503 at once (connection refused), not a hang and not a bare 502.
/// </summary>
public static class ForwarderErrorProblems
{
    public static async Task WriteAsync(HttpContext context, Func<Task> next)
    {
        await next();
        var error = context.Features.Get<IForwarderErrorFeature>();
        if (error is null || error.Error == ForwarderError.None || context.Response.HasStarted) return;

        var service = context.GetReverseProxyFeature().Route.Config.ClusterId;
        // The route's timeout cancels the request, which YARP reports as a cancellation like any other.
        var timedOut = context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true;
        var (status, title, detail) = error.Error switch
        {
            _ when timedOut =>
                (StatusCodes.Status504GatewayTimeout, "Gateway timeout", $"The {service} service did not answer in time."),
            ForwarderError.NoAvailableDestinations or ForwarderError.Request when IsUnreachable(error) =>
                (StatusCodes.Status503ServiceUnavailable, "Service unavailable", $"The {service} service is not available right now; try again shortly."),
            ForwarderError.RequestTimedOut =>
                (StatusCodes.Status504GatewayTimeout, "Gateway timeout", $"The {service} service did not answer in time."),
            ForwarderError.RequestBodyClient when error.Exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (StatusCodes.Status413PayloadTooLarge, "Request body too large", RequestBodyLimit.Describe(context)),
            ForwarderError.RequestBodyClient or ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled =>
                (StatusCodes.Status400BadRequest, "Request incomplete", "The request body could not be read to the end."),
            _ => (StatusCodes.Status502BadGateway, "Bad gateway", $"The {service} service gave no usable answer."),
        };
        if (status == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = "5";
        await ProblemResponses.WriteAsync(context, status, title, detail);
    }

    private static bool IsUnreachable(IForwarderErrorFeature error)
    {
        if (error.Error == ForwarderError.NoAvailableDestinations) return true;
        for (var exception = error.Exception; exception is not null; exception = exception.InnerException)
        {
            if (exception is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable })
                return true;
        }
        return false;
    }
}
