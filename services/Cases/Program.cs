using Platform.WebApi.Problems;
using Platform.Cases.Apis;
using Platform.Cases.Extensions;
using Platform.Messaging.Extensions;
using Platform.Security.Authentication;
using Platform.Security.OpenApi;
using Platform.WebApi.Idempotency;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddRequestProblems();
builder.AddApplicationServices();
builder.AddPartnerAuthentication();
builder.AddPartnerOpenApi("cases", "Cases API: Social Protection Desk casework, referrals, duplicate-aid checks");

var app = builder.Build();

await app.MigrateDatabaseAsync<CasesDbContext>();
await app.SealDetailsUnderPersonKeysAsync();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseIdempotentPosts<CasesDbContext>();
app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous();
app.MapBeneficiariesApi();
app.MapBeneficiaryCorrectionsApi();
app.MapPersonsRightsApi();
app.MapHouseholdsApi();
app.MapCasesApi();
app.MapServicesApi();
app.MapDuplicateCheckBatchApi();
app.MapReferralsApi();
app.MapTransfersApi();
app.MapAuditApi();
app.MapRetentionApi();
app.MapServiceReportsApi();
app.MapServiceMapReportsApi();

app.Run();
