using System.Net;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Accounts;

namespace District5News.IntegrationTests.Admin.Articles;

/// <summary>
/// Issue 13 §4: the toolbar speaks plain Vietnamese and has undo/redo. The script the form page loads is read as
/// served (the browser journeys click it; here no browser runs).
/// </summary>
public sealed class EditorToolbarTests(EditorAppFactory app) : IClassFixture<EditorAppFactory>
{
    [Fact]
    public async Task Toolbar_NamesBlocksInPlainVietnameseAndHasUndoRedo()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var (_, form) = await Html.GetAsync(editor, EditorForms.CreateUrl);
        var script = form.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).Single(s => s.StartsWith("/js/editor.", StringComparison.Ordinal));

        var response = await editor.GetAsync(new Uri(script, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var js = await response.Content.ReadAsStringAsync();
        foreach (var label in new[] { "['Đoạn văn',", "['Tiêu đề lớn',", "['Tiêu đề nhỏ',", "'editor-undo', function () { run('undo'); }", "'editor-redo', function () { run('redo'); }" })
        {
            Assert.Contains(label, js, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("['H2',", js, StringComparison.Ordinal);
        Assert.DoesNotContain("['H3',", js, StringComparison.Ordinal);
    }
}
