using Platform.Meetings.Apis;
using Platform.Meetings.Extensions;
using Platform.Messaging.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.Services.AddOpenApi();

var app = builder.Build();

await app.MigrateDatabaseAsync<MeetingsDbContext>();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapInstitutionsApi();

app.Run();
