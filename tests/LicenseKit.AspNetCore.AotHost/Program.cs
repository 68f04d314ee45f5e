using LicenseKit;

// One business, the in-memory store, both endpoint groups: the seed flow with nothing around it. The address comes
// from ASPNETCORE_URLS or --urls.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddProblemDetails();
builder.Services.AddLicenseKit(o => o.BusinessId = "biz_aot");

var app = builder.Build();
app.MapLicenseKitManagement();
app.MapLicenseKitActivation();
app.Run();
