using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.AppHost.Hosting;
using Platform.AppHost.Hosting.Resources;

namespace Platform.AppHost.Dashboard.Api;

/// <summary><c>/api/error-queues</c>: messages that failed every attempt, and moving them back once the cause is fixed.</summary>
internal static class ErrorQueuesApi
{
    public static RouteGroupBuilder MapErrorQueuesApi(this IEndpointRouteBuilder endpoints)
    {
        var errorQueues = endpoints.MapGroup("/api/error-queues");
        errorQueues.MapGet("/", async (DistributedApplication application, CancellationToken cancellationToken) =>
            Of(application) is { } queues ? Results.Ok(await queues.ListAsync(cancellationToken)) : NoBroker());
        errorQueues.MapPost("/{queue}/requeue", async (string queue, int? limit, DistributedApplication application, CancellationToken cancellationToken) =>
        {
            if (Of(application) is not { } queues) return NoBroker();
            try
            {
                return Results.Ok(new { queue, moved = await queues.RequeueAsync(queue, limit ?? 10_000, cancellationToken) });
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                return Results.Problem(statusCode: 404, title: $"There is no queue {queue}_error.");
            }
        });
        return errorQueues;
    }

    /// <summary>The error queues of the AppHost's broker, while it is healthy.</summary>
    public static ErrorQueues? Of(DistributedApplication application) =>
        application.Resources.OfType<RabbitMQServerResource>().FirstOrDefault() is { Health: ResourceHealth.Healthy } rabbit
            ? new ErrorQueues(new Uri(rabbit.ConnectionString), new Uri(rabbit.GetEndpoint("management").Url))
            : null;

    private static IResult NoBroker() => Results.Problem(statusCode: 503, title: "The broker is not running.");
}
