using System.Net.Http.Json;
using System.Text.Json;
using AtsParser.IntegrationTests.Support;

namespace AtsParser.IntegrationTests.Storage;

public static class Http
{
    public static async Task<(HttpResponseMessage Response, JsonElement Body)> ParseAsync(this HttpClient client, byte[] bytes, string query = "", string fileName = "resume.txt")
    {
        var response = await client.PostAsync("/api/v1/parse" + query, ApiFactory.Form("file", (fileName, bytes)));
        return (response, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public static string CacheHeader(this HttpResponseMessage r) => r.Headers.TryGetValues("X-Cache", out var v) ? string.Join(",", v) : "";

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();
}
