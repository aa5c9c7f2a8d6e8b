using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using District5News.IntegrationTests.Infrastructure;

namespace District5News.IntegrationTests.Admin.Articles;

/// <summary>Drives the bulletin form the way a browser does: reads the form, changes fields, posts it as multipart.</summary>
public static class EditorForms
{
    public const string CreateUrl = "/admin/bai-viet/tao-moi";

    public static string EditUrl(int id) => $"/admin/bai-viet/{id}/sua";

    /// <summary>A file for the cover input.</summary>
    public sealed record Upload(string FileName, string ContentType, byte[] Bytes);

    /// <summary>The fields the form at <paramref name="formPageUrl"/> would send as loaded (no button pressed yet).</summary>
    public static async Task<Dictionary<string, string>> ReadFormAsync(HttpClient client, string formPageUrl)
    {
        var (response, page) = await Html.GetAsync(client, formPageUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return FieldsOf(page);
    }

    public static Dictionary<string, string> FieldsOf(IDocument page)
    {
        var form = page.QuerySelector("form[data-test=article-form]") ?? throw new InvalidOperationException("No bulletin form on the page.");
        var fields = new Dictionary<string, string>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement { Type: "file" or "submit" }:
                    break;
                case IHtmlInputElement { Type: "checkbox" } box:
                    if (box.IsChecked)
                    {
                        fields[name] = box.Value;
                    }

                    break;
                case IHtmlInputElement input:
                    fields[name] = input.Value;
                    break;
                case IHtmlTextAreaElement area:
                    fields[name] = area.Value;
                    break;
                case IHtmlSelectElement select:
                    fields[name] = select.Value ?? string.Empty;
                    break;
            }
        }

        return fields;
    }

    /// <summary>Posts fields (token included) as multipart/form-data, as the form's enctype says.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string postUrl, Dictionary<string, string> fields, Upload? cover = null)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        if (cover is not null)
        {
            var file = new ByteArrayContent(cover.Bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(cover.ContentType);
            content.Add(file, "Input.Cover", cover.FileName);
        }

        return await client.PostAsync(new Uri(postUrl, UriKind.Relative), content);
    }

    /// <summary>Loads the form page, applies <paramref name="changes"/> and posts it with the button <paramref name="intent"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string formPageUrl, Dictionary<string, string> changes, string? intent, Upload? cover = null)
    {
        var fields = await ReadFormAsync(client, formPageUrl);
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        if (intent is not null)
        {
            fields["Input.Intent"] = intent;
        }

        return await PostAsync(client, formPageUrl, fields, cover);
    }

    /// <summary>Creates a bulletin through the form and returns its id (read from the redirect to its edit page).</summary>
    public static async Task<int> CreateAsync(
        HttpClient client, string title, string intent = "publish", string body = "<p>Nội dung bản tin.</p>", string? publishAtVietnam = null,
        int categoryId = 1, string lead = "Tóm tắt bản tin.")
    {
        var response = await SubmitAsync(client, CreateUrl, Fields(title, body, publishAtVietnam, categoryId, lead), intent);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return IdFrom(response);
    }

    public static Dictionary<string, string> Fields(string title, string body, string? publishAtVietnam = null, int categoryId = 1, string lead = "Tóm tắt bản tin.") => new()
    {
        ["Input.Title"] = title,
        ["Input.CategoryId"] = categoryId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Lead"] = lead,
        ["Input.Body"] = body,
        ["Input.PublishAt"] = publishAtVietnam ?? string.Empty,
    };

    public static int IdFrom(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? throw new InvalidOperationException("No redirect.");
        var parts = location.Split('/', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["admin", "bai-viet"], parts[..2]);
        Assert.Equal("sua", parts[3]);
        return int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The public URL a bulletin answers at (its id alone redirects to the canonical slug).</summary>
    public static async Task<HttpResponseMessage> GetPublicAsync(HttpClient client, int id)
    {
        var response = await client.GetAsync(new Uri($"/tin-tuc/{id}", UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.MovedPermanently)
        {
            response = await client.GetAsync(response.Headers.Location!);
        }

        return response;
    }
}
