using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Timeline.Web;

/// <summary>Writes a JSON response with a Utf8JsonWriter (so events use the public event JSON contract).</summary>
public static class JsonBody
{
    public static IResult Write(Action<Utf8JsonWriter> write, int status = StatusCodes.Status200OK)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default }))
            write(json);
        return Results.Text(System.Text.Encoding.UTF8.GetString(buffer.ToArray()), "application/json", System.Text.Encoding.UTF8, status);
    }
}
