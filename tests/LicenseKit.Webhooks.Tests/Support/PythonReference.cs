using System.Diagnostics;

namespace LicenseKit.Webhooks.Tests.Support;

/// <summary>
/// An independent Standard Webhooks signer written from the specification in Python (hmac, hashlib, base64), run as a
/// separate process. CI machines have python3; a machine without it fails these tests with a message saying so, rather
/// than skipping them.
/// </summary>
internal static class PythonReference
{
    // The specification: HMAC-SHA256 keyed with the base64-decoded part of whsec_..., over "{id}.{timestamp}.{body}",
    // written as "v1," + base64. Inputs arrive in environment variables; the body is base64 so any bytes pass through.
    private const string Script = """
        import base64, hashlib, hmac, os
        key = base64.b64decode(os.environ["WH_SECRET"].split("_", 1)[1])
        content = os.environ["WH_ID"].encode() + b"." + os.environ["WH_TIMESTAMP"].encode() + b"." + base64.b64decode(os.environ["WH_BODY"])
        print("v1," + base64.b64encode(hmac.new(key, content, hashlib.sha256).digest()).decode(), end="")
        """;

    public static async Task<string> SignAsync(string secret, string webhookId, long timestamp, byte[] body)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.Environment["WH_SECRET"] = secret;
        start.Environment["WH_ID"] = webhookId;
        start.Environment["WH_TIMESTAMP"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["WH_BODY"] = Convert.ToBase64String(body);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                "These tests check signatures against an independent implementation in Python and need 'python3' on PATH; install Python 3 (Debian: apt-get install python3).", ex);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.Should().Be(0, "python3 failed: {0}", await error);
            return await output;
        }
    }
}
