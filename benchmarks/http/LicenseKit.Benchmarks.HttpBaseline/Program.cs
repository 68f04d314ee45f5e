// The baseline of benchmarks/http/run.sh: a minimal API built as the sample host is (WebApplication.CreateBuilder), answering
// POST /licenses/validate with the sample's own answer (the file named by VALIDATE_RESPONSE_FILE), read once at start-up.
// It reads the request body as the sample does, so both pay for receiving it.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
var response = await File.ReadAllBytesAsync(app.Configuration["VALIDATE_RESPONSE_FILE"]
    ?? throw new InvalidOperationException("Set VALIDATE_RESPONSE_FILE to the JSON to answer with."));

app.MapPost("/licenses/validate", async (HttpContext http) =>
{
    await http.Request.Body.CopyToAsync(Stream.Null);
    http.Response.ContentType = "application/json; charset=utf-8";
    await http.Response.Body.WriteAsync(response);
});

await app.RunAsync();
