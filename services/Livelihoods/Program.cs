using Platform.WebApi.Problems;
using Platform.Livelihoods.Apis;
using Platform.Livelihoods.Extensions;
using Platform.Messaging.Extensions;
using Platform.Security.Authentication;
using Platform.Security.OpenApi;
using Platform.WebApi.Idempotency;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddRequestProblems();
builder.AddApplicationServices();
builder.AddPartnerAuthentication();
builder.AddPartnerOpenApi("livelihoods", "Livelihoods API: the women's entrepreneurship programme");

var app = builder.Build();

await app.MigrateDatabaseAsync<LivelihoodsDbContext>();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseIdempotentPosts<LivelihoodsDbContext>();
app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous();
app.MapCohortsApi();
app.MapEntrepreneursApi();
app.MapTrainingsApi();
app.MapLedgerApi();
app.MapLicensingApi();
app.MapLivelihoodsReportsApi();
if (app.Environment.IsDevelopment()) app.MapDemoDataApi();

app.Run();
