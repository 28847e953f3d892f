using Platform.Livelihoods.Extensions;
using Platform.Messaging.Extensions;
using Platform.Security.Authentication;
using Platform.Security.OpenApi;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddPartnerAuthentication();
builder.AddPartnerOpenApi("livelihoods", "Livelihoods API: the women's entrepreneurship programme");

var app = builder.Build();

await app.MigrateDatabaseAsync<LivelihoodsDbContext>();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous();

app.Run();
