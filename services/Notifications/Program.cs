using Platform.Notifications.Extensions;
using Platform.Messaging.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.Services.AddOpenApi();

var app = builder.Build();

await app.MigrateDatabaseAsync<NotificationsDbContext>();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDefaultEndpoints();
app.MapOpenApi();

app.Run();
