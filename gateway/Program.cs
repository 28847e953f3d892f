using Platform.Gateway.Docs;
using Platform.Gateway.Extensions;
using Platform.Gateway.Partners;
using Platform.Gateway.Proxy;
using Platform.Gateway.RateLimiting;
using Platform.Gateway.Tokens;

// Operators manage partners with the same binary: dotnet run --project gateway -- partners ...
if (PartnersCommand.Handles(args)) return await PartnersCommand.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();

await app.Services.MigrateGatewayDatabaseAsync(seedDevelopmentPartners: app.Environment.IsDevelopment());

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestBodyLimit();
app.UseAuthentication();
app.UsePartnerStanding();
app.UseRateLimiter();
app.UseAuthorization();
app.UseRequestTimeouts();

app.MapDefaultEndpoints();
app.MapTokenEndpoint();
app.MapApiDocs();
app.MapReverseProxy(proxy => proxy.Use(ForwarderErrorProblems.WriteAsync));

await app.RunAsync();
return 0;
