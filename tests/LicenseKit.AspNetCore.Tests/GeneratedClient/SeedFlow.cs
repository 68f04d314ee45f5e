// Compiled at test time with the client Kiota generated from /openapi/v1.json (namespace Generated.Licenses): the seed's
// create → activate → validate → update → list flow, written as a user of that client would write it.
using Generated.Licenses;
using Generated.Licenses.Licenses;
using Generated.Licenses.Licenses.Activate;
using Generated.Licenses.Licenses.Item;
using Generated.Licenses.Licenses.Validate;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

public static class SeedFlow
{
    /// <summary>Runs the flow with an admin client and a key holder's client; returns one line per step.</summary>
    public static async Task<List<string>> RunAsync(HttpClient admin, HttpClient keyHolder)
    {
        var management = Connect(admin);
        var activation = Connect(keyHolder);
        var steps = new List<string>();

        var created = await management.Licenses.PostAsync(
            new LicensesPostRequestBody { ProductId = "prod_hyQQhhNzfEuvv", CustomerId = "cust_3r2FgHXp9", ActivationsLimit = 3, DurationHours = 720 },
            c => c.Headers.Add("Idempotency-Key", "order-1001"));
        steps.Add($"created {created!.Status} limit={created.ActivationsLimit} duration={created.DurationHours} instances={created.InstancesCount}");

        var instance = await activation.Licenses.Activate.PostAsync(
            new ActivatePostRequestBody { LicenseKey = created.Key, Name = "build-agent-01", Fingerprint = "fp-7f3a" });
        steps.Add($"activated {instance!.Name} {instance.Fingerprint} license={instance.LicenseKeyId == created.Id}");

        var validation = await activation.Licenses.Validate.PostAsync(
            new ValidatePostRequestBody { LicenseKey = created.Key, LicenseKeyInstanceId = instance.Id });
        steps.Add($"validated valid={validation!.Valid} code={validation.Code} instances={validation.License!.InstancesCount}");

        var updated = await management.Licenses[created.Id].PatchAsync(
            new LicensesPatchRequestBody { ActivationsLimit = 5, Status = LicensesPatchRequestBody_status.DISABLED },
            c => c.Headers.Add("If-Match", "*"));
        steps.Add($"updated {updated!.Status} limit={updated.ActivationsLimit}");

        var page = await management.Licenses.GetAsync(c =>
        {
            c.QueryParameters.ProductId = "prod_hyQQhhNzfEuvv";
            c.QueryParameters.Status = GetStatusQueryParameterType.DISABLED;
        });
        steps.Add($"listed {page!.Items!.Count} {page.Items[0].Id == created.Id} next={page.NextCursor ?? "none"}");
        return steps;
    }

    private static LicensesClient Connect(HttpClient http) =>
        new(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = http.BaseAddress!.ToString().TrimEnd('/') });
}
