using Platform.WebApi.Problems;
using Platform.Meetings.Apis;
using Platform.Meetings.Extensions;
using Platform.Messaging.Extensions;
using Platform.Security.Authentication;
using Platform.Security.OpenApi;
using Platform.WebApi.Idempotency;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddRequestProblems();
builder.AddApplicationServices();
builder.AddPartnerAuthentication();
builder.AddPartnerOpenApi("meetings", "Meetings API: districts, topics, stakeholder directory, service offers, coordination meetings");

var app = builder.Build();

await app.MigrateDatabaseAsync<MeetingsDbContext>();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseIdempotentPosts<MeetingsDbContext>();
app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous();
app.MapReferenceApi();
app.MapInstitutionsApi();
app.MapServiceOffersApi();
app.MapServiceDirectoryApi();
app.MapMeetingsApi();
app.MapMeetingChangesApi();
app.MapMeetingOutcomesApi();
app.MapMeetingDocumentsApi();
app.MapActionItemsApi();
app.MapRsvpApi();
app.MapDocumentLinksApi();
if (app.Environment.IsDevelopment()) app.MapDemoDataApi();

app.Run();
