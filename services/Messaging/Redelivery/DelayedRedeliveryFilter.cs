using Microsoft.Extensions.Options;
using Platform.Messaging.Telemetry;

namespace Platform.Messaging.Redelivery;

/// <summary>
/// The retry ladder of every delivery on an endpoint: first immediate retries (a fresh consumer and
/// DbContext each time), then the message is sent back to its queue after the next configured delay;
/// when the delays are spent too, the exception goes on to MassTransit, which moves the message to
/// <c>{queue}_error</c> with the exception in its headers.
/// </summary>
/// <remarks>
/// One filter does both because MassTransit's own <c>UseMessageRetry</c> wraps every endpoint filter,
/// so it cannot run inside a delayed redelivery the way the ladder needs.
/// </remarks>
public sealed class DelayedRedeliveryFilter(DelayQueues delayQueues, IOptions<ConsumerRetryOptions> options, MessagingMetrics metrics,
    ILogger<DelayedRedeliveryFilter> logger) : IFilter<ConsumeContext>
{
    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        var immediate = options.Value.ImmediateRetries;
        for (var retry = 0; ; retry++)
        {
            try
            {
                await next.Send(context);
                return;
            }
            catch (Exception ex) when (retry < immediate.Length && !context.CancellationToken.IsCancellationRequested)
            {
                logger.LogDebug(ex, "Message {MessageId} failed; immediate retry {Retry} in {DelayMs} ms", context.MessageId, retry + 1, immediate[retry].TotalMilliseconds);
                await Task.Delay(immediate[retry], context.CancellationToken);
            }
            catch (Exception ex) when (!context.CancellationToken.IsCancellationRequested
                                       && context.ReceiveContext.TryGetPayload<RabbitMqBasicConsumeContext>(out var delivery))
            {
                await RedeliverLaterOrGiveUpAsync(context, delivery, ex);
                return;
            }
        }
    }

    private async Task RedeliverLaterOrGiveUpAsync(ConsumeContext context, RabbitMqBasicConsumeContext delivery, Exception ex)
    {
        var queue = context.ReceiveContext.InputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];
        var attempt = context.ReceiveContext.TransportHeaders.Get<int>(DelayQueues.AttemptHeader) ?? 0;
        var delays = options.Value.Delays;
        if (attempt >= delays.Length)
        {
            metrics.MovedToError(queue);
            logger.LogError(ex, "Message {MessageId} failed {Deliveries} deliveries; moving it to {Queue}_error", context.MessageId, attempt + 1, queue);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex);
        }
        logger.LogWarning(ex, "Message {MessageId} failed; redelivery {Attempt} of {MaxAttempts} in {DelaySeconds} s",
            context.MessageId, attempt + 1, delays.Length, delays[attempt].TotalSeconds);
        await delayQueues.SendBackLaterAsync(queue, delays[attempt], attempt + 1, context.ReceiveContext.Body.GetBytes(), delivery.Properties, context.CancellationToken);
        metrics.Redelivered(queue);
        // Returning acknowledges this delivery: the copy in the delay queue carries the message on.
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("retryLadder");
}
