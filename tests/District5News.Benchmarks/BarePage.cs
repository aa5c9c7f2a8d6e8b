using System.Text;

namespace District5News.Benchmarks;

/// <summary>
/// The ceiling of the machine: Kestrel answering every request with the same 2 KB HTML page, no routing, no
/// logging, no middleware. Every portal page is measured as a ratio to this one, in the same run.
/// </summary>
internal static class BarePage
{
    public static async Task RunAsync(string urls)
    {
        var page = Build();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls(urls);
        var app = builder.Build();
        app.Run(context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength = page.Length;
            return context.Response.Body.WriteAsync(page).AsTask();
        });
        await app.RunAsync();
    }

    private static byte[] Build()
    {
        var html = new StringBuilder("""
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><title>Trang tĩnh – Tin tức Quận 5</title></head>
            <body><main><h1>Trang tĩnh để đo trần của máy</h1>

            """);
        while (Encoding.UTF8.GetByteCount(html.ToString()) < 2048 - 40)
        {
            html.Append("<p>Ủy ban nhân dân Quận 5 thông báo lịch tiếp công dân định kỳ.</p>\n");
        }

        var bytes = Encoding.UTF8.GetBytes(html.Append("</main></body></html>\n").ToString());
        return bytes.Length > 2048 ? bytes[..2048] : bytes;
    }
}
