using System.Diagnostics;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MimeKit;
using Polly;
using Polly.Retry;
using Platform.Security.Protection;

namespace Platform.Notifications.Delivery;

/// <summary>
/// Hands Pending emails to the SMTP server over a few kept-open connections (<c>Connections</c>, each
/// sending its own claimed batches: a 200-invitee meeting is a handful of connections, not 200), so that
/// the server's time per message overlaps. A transient failure (connection refused, a 4xx answer) is retried at once a
/// few times (Polly), then the message waits with growing backoff and is tried again: an SMTP server
/// down for minutes delays mail and loses none. A permanent refusal (5xx for the mailbox or address)
/// marks the message Failed at once and publishes <see cref="NotificationFailed"/>.
/// Messages are claimed with a lease (FOR UPDATE SKIP LOCKED), so several instances share the work.
/// </summary>
public sealed class EmailDelivery(
    IServiceScopeFactory scopes, DeliverySignal signal, SmtpSettings smtp, DeliveryOptions options, PersonalDataProtector protector, TimeProvider clock,
    ILogger<EmailDelivery> logger)
    : BackgroundService
{
    private static readonly ActivitySource Telemetry = new(NotificationsTelemetry.Name);
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);

    private readonly ResiliencePipeline _retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
        })
        .Build();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Connections)).Select(_ => SendAsync(stoppingToken)));

    /// <summary>One sender: its own connection, batches claimed until none is left, then a wait for new mail.</summary>
    private async Task SendAsync(CancellationToken stoppingToken)
    {
        using var connection = new SmtpConnection(smtp);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var seen = signal.Generation;
                if (await DeliverBatchAsync(connection, stoppingToken) == 0)
                {
                    await connection.DisconnectAsync();
                    await signal.WaitAsync(seen, IdlePoll, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Email delivery paused; trying again shortly");
                await connection.DisconnectAsync();
                await Task.Delay(IdlePoll, stoppingToken);
            }
        }
        await connection.DisconnectAsync();
    }

    /// <summary>Claims and sends one batch; returns how many messages it handled.</summary>
    private async Task<int> DeliverBatchAsync(SmtpConnection connection, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var now = clock.GetUtcNow();
        var batch = await db.Notifications.FromSqlInterpolated($"""
            UPDATE notifications SET next_attempt_at = {now + options.Lease}
            WHERE id IN (SELECT id FROM notifications WHERE status = 'Pending' AND next_attempt_at <= {now}
                         ORDER BY created_at LIMIT {options.BatchSize} FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).ToListAsync(cancellationToken);
        // Each email's outcome is written the moment the server has answered, not once per batch: a sender killed
        // mid-batch left up to a batch of handed-over emails unmarked, and they went out again when the lease ran out
        // (537 emails for 500 events). What stays Pending after a kill is what was not handed over, bar the one
        // email per connection whose answer had come and whose mark had not: that one goes again, same Message-Id.
        foreach (var notification in batch.OrderBy(n => n.CreatedAt))
        {
            await DeliverAsync(notification, connection, db, cancellationToken);
            await RecordOutcomeAsync(db, CancellationToken.None); // handed over: the mark must follow, stop or not
        }
        return batch.Count;
    }

    private async Task DeliverAsync(Notification notification, SmtpConnection connection, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        notification.Attempts++;
        // A span of its own under the consumer that logged the email, so the trace reaches the SMTP server.
        using var activity = Telemetry.StartActivity("smtp send", ActivityKind.Client, notification.TraceParent);
        activity?.SetTag("server.address", smtp.Host);
        activity?.SetTag("server.port", smtp.Port);
        activity?.SetTag("notification.id", notification.Id.ToString());
        activity?.SetTag("notification.kind", notification.Kind);
        activity?.SetTag("notification.attempt", notification.Attempts);
        try
        {
            var message = MimeMessage.Load(new MemoryStream(Readable(notification)));
            var response = await _retry.ExecuteAsync(async token =>
            {
                var client = await connection.ConnectedAsync(token);
                return await client.SendAsync(message, token);
            }, cancellationToken);
            notification.Status = NotificationStatus.Sent;
            notification.SentAt = clock.GetUtcNow();
            notification.SmtpResponse = response;
            notification.LastError = null;
            Forget(notification);
            NotificationsTelemetry.EmailsSent.Add(1, new KeyValuePair<string, object?>("notification.kind", notification.Kind));
        }
        catch (SmtpCommandException refused) when (!IsTransient(refused))
        {
            Fail(notification, $"{(int)refused.StatusCode} {refused.Message}", db, activity);
            NotificationsTelemetry.EmailsRefused.Add(1, new KeyValuePair<string, object?>("notification.kind", notification.Kind));
            logger.LogWarning("Email {NotificationId} refused for good: {Reason}", notification.Id, notification.LastError);
        }
        catch (Exception ex) when (!IsTransient(ex) && ex is not OperationCanceledException)
        {
            // Neither the server nor the network: a message that cannot be read or opened will not get
            // better by waiting, and must not hold back the rest of its batch on every lease.
            Fail(notification, $"Not sendable: {ex.GetType().Name}", db, activity);
            logger.LogError(ex, "Email {NotificationId} cannot be sent; marked Failed", notification.Id);
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            var wait = TimeSpan.FromSeconds(Math.Min(options.MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(notification.Attempts, 16))));
            notification.NextAttemptAt = clock.GetUtcNow() + wait;
            notification.LastError = ex.Message;
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            await connection.DisconnectAsync();
            logger.LogInformation("Email {NotificationId} not handed over ({Error}); next try in {Wait}", notification.Id, ex.Message, wait);
        }
    }

    /// <summary>
    /// Writes one email's outcome, the moment the server has answered: a Sent mark is one UPDATE in a round trip of
    /// its own (EF wraps a single statement in no transaction of its own), a failure its row and the
    /// <see cref="NotificationFailed"/> event in one transaction.
    /// </summary>
    private static Task RecordOutcomeAsync(NotificationsDbContext db, CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    /// <summary>Failed for good: no further attempt, the message forgotten where it held personal data, and the event published.</summary>
    private void Fail(Notification notification, string reason, NotificationsDbContext db, Activity? activity)
    {
        notification.Status = NotificationStatus.Failed;
        notification.LastError = reason;
        Forget(notification);
        activity?.SetStatus(ActivityStatusCode.Error, reason);
        db.PublishOnCommit(new NotificationFailed
        {
            NotificationId = notification.Id, SubjectId = notification.SubjectId, Kind = notification.Kind,
            RecipientId = notification.RecipientId, Reason = reason, FailedAt = clock.GetUtcNow(),
        }, notification.SubjectId);
    }

    private byte[] Readable(Notification notification)
    {
        var content = notification.Content ?? throw new InvalidOperationException($"Email {notification.Id} has no message to send.");
        return notification.RecipientKind == RecipientKinds.Participant ? protector.OpenBytes(content, DeliveryLog.SealContext(notification.Id)) : content;
    }

    /// <summary>
    /// A participant's message holds her name and address: once it is delivered (or refused for good)
    /// nothing needs it any more, so only the masked row stays in the log.
    /// </summary>
    private static void Forget(Notification notification)
    {
        if (notification.RecipientKind == RecipientKinds.Participant) notification.Content = null;
    }

    /// <summary>Worth trying again: the server was away, or said "not now" (4xx).</summary>
    internal static bool IsTransient(Exception exception) => exception switch
    {
        SmtpCommandException command => (int)command.StatusCode < 500,
        SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutException => true,
        _ => false,
    };
}
