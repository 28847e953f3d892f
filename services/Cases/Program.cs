using Platform.Cases.Extensions;
using Platform.Messaging.Extensions;
using Platform.Security.Authentication;
using Platform.Security.OpenApi;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddPartnerAuthentication();
builder.AddPartnerOpenApi("cases", "Cases API: Social Protection Desk casework, referrals, duplicate-aid checks");

var app = builder.Build();

await app.MigrateDatabaseAsync<CasesDbContext>();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous();

app.Run();
