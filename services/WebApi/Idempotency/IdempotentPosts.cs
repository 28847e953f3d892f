using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Security;

namespace Platform.WebApi.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on POST: the first request with a key runs and its answer is kept (24 h); a
/// retry with the same key and the same request gets that answer again and changes nothing; the same
/// key with a different request is refused (422), and one arriving while the first still runs gets 409.
/// Keys are per partner, so two partners never collide.
/// </summary>
public static class IdempotentPosts
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 200;
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);

    public static IServiceCollection AddIdempotentPosts<TContext>(this IServiceCollection services) where TContext : DbContext =>
        services.AddHostedService<IdempotencyCleanup<TContext>>();

    /// <summary>After authentication and authorization: the key is scoped to the calling partner.</summary>
    public static IApplicationBuilder UseIdempotentPosts<TContext>(this IApplicationBuilder app) where TContext : DbContext =>
        app.Use(async (context, next) =>
        {
            var key = context.Request.Headers[Header].ToString();
            if (!HttpMethods.IsPost(context.Request.Method) || key.Length == 0 || context.GetEndpoint() is null)
            {
                await next(context);
                return;
            }
            if (key.Length > MaxKeyLength)
            {
                await ProblemResponses.WriteAsync(context, StatusCodes.Status400BadRequest, "Idempotency-Key too long", $"An Idempotency-Key has at most {MaxKeyLength} characters.");
                return;
            }
            await RunOnceAsync<TContext>(context, next, key);
        });

    private static async Task RunOnceAsync<TContext>(HttpContext context, RequestDelegate next, string key) where TContext : DbContext
    {
        var clientId = context.User.FindFirst(PartnerClaims.ClientId)?.Value ?? "anonymous";
        var hash = await HashAsync(context.Request);
        var db = context.RequestServices.GetRequiredService<TContext>();
        var records = db.Set<IdempotencyRecord>();

        var claimed = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO idempotency_records (client_id, key, request_hash, status_code, created_at) VALUES ({clientId}, {key}, {hash}, 0, {DateTimeOffset.UtcNow}) ON CONFLICT DO NOTHING",
            context.RequestAborted);
        if (claimed == 0)
        {
            var first = await records.AsNoTracking().SingleAsync(r => r.ClientId == clientId && r.Key == key, context.RequestAborted);
            if (first.RequestHash != hash)
                await ProblemResponses.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new request.");
            else if (first.StatusCode == 0)
                await ProblemResponses.WriteAsync(context, StatusCodes.Status409Conflict, "Request in progress",
                    "The first request with this Idempotency-Key is still running; retry in a moment.");
            else
                await ReplayAsync(context, first);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            await records.Where(r => r.ClientId == clientId && r.Key == key).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode >= 500)
        {
            // A failure is not an answer: let the retry run for real.
            await records.Where(r => r.ClientId == clientId && r.Key == key).ExecuteDeleteAsync(CancellationToken.None);
        }
        else
        {
            var body = buffer.ToArray();
            string? contentType = context.Response.ContentType, location = context.Response.Headers.Location, etag = context.Response.Headers.ETag;
            await records.Where(r => r.ClientId == clientId && r.Key == key).ExecuteUpdateAsync(set => set
                .SetProperty(r => r.StatusCode, context.Response.StatusCode)
                .SetProperty(r => r.ContentType, contentType)
                .SetProperty(r => r.Location, location)
                .SetProperty(r => r.ETag, etag)
                .SetProperty(r => r.Body, body), CancellationToken.None);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext context, IdempotencyRecord first)
    {
        context.Response.StatusCode = first.StatusCode;
        if (first.ContentType is not null) context.Response.ContentType = first.ContentType;
        if (first.Location is not null) context.Response.Headers.Location = first.Location;
        if (first.ETag is not null) context.Response.Headers.ETag = first.ETag;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (first.Body is { Length: > 0 }) await context.Response.Body.WriteAsync(first.Body, context.RequestAborted);
    }

    private static async Task<string> HashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0) sha.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexString(sha.GetHashAndReset());
    }
}

/// <summary>Forgets answers older than <see cref="IdempotentPosts.KeptFor"/>, once an hour.</summary>
internal sealed class IdempotencyCleanup<TContext>(IServiceScopeFactory scopes) : BackgroundService where TContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var cutoff = DateTimeOffset.UtcNow - IdempotentPosts.KeptFor;
                await scope.ServiceProvider.GetRequiredService<TContext>().Set<IdempotencyRecord>()
                    .Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be briefly away; the next hour tries again.
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
