using Platform.WebApi.Problems;
using Platform.Notifications.Apis;
using Platform.Notifications.Extensions;
using Platform.Messaging.Extensions;
using Platform.Security.Authentication;
using Platform.Security.OpenApi;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddRequestProblems();
builder.AddApplicationServices();
builder.AddPartnerAuthentication();
builder.AddPartnerOpenApi("notifications", "Notifications API: email and calendar invitation delivery log");

var app = builder.Build();

await app.MigrateDatabaseAsync<NotificationsDbContext>();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous();
app.MapNotificationsApi();

app.Run();
