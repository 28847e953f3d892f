using Platform.Meetings.Apis;
using Platform.Meetings.Extensions;
using Platform.Messaging.Extensions;
using Platform.Security.Authentication;
using Platform.Security.OpenApi;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddPartnerAuthentication();
builder.AddPartnerOpenApi("meetings", "Meetings API: districts, topics, stakeholder directory, coordination meetings");

var app = builder.Build();

await app.MigrateDatabaseAsync<MeetingsDbContext>();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous();
app.MapInstitutionsApi();

app.Run();
