using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace LocalVpc;

/// <summary>
/// The web console at <c>/_localvpc/ui/</c>: a page, a style sheet and scripts built into the executable (no build step,
/// no Node.js), behind the same host and origin checks as the rest of <c>/_localvpc/</c>. Its content security policy lets
/// it load and ask nothing but this server.
/// </summary>
internal static class WebConsole
{
    public const string Path = "/_localvpc/ui/";
    private const string ResourcePrefix = "ui/";
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static void Map(WebApplication app)
    {
        app.MapGet(Path + "{*file}", (string? file, HttpRequest request, HttpResponse response) =>
        {
            // Routing matches /_localvpc/ui too; the page's relative links need the slash.
            if (!request.Path.Value!.EndsWith('/') && string.IsNullOrEmpty(file)) return Results.Redirect(Path);
            var name = string.IsNullOrEmpty(file) ? "index.html" : file;
            var stream = typeof(WebConsole).Assembly.GetManifestResourceStream(ResourcePrefix + name);
            if (stream is null) return Results.NotFound();
            response.Headers.ContentSecurityPolicy = "default-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers.CacheControl = "no-cache";
            return Results.Stream(stream, ContentTypes.TryGetContentType(name, out var type) ? type : "application/octet-stream");
        });
    }
}
