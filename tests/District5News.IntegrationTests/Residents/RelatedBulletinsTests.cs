using District5News.IntegrationTests.Infrastructure;

namespace District5News.IntegrationTests.Residents;

/// <summary>"TIN LIÊN QUAN" under a bulletin: bulletins sharing its words, its own category first (issue 11 §2).</summary>
public sealed class RelatedBulletinsTests(ResidentsSiteFactory app) : IClassFixture<ResidentsSiteFactory>
{
    [Fact]
    public async Task Related_AreTheBulletinsSharingItsWords_SameCategoryFirst_NeverHiddenOnesOrItself()
    {
        var (_, page) = await Html.GetAsync(app.CreateBrowser(), app.UrlOf(app.Dengue));

        // Both ward bulletins share "sốt xuất huyết" (the spraying one also "phòng"); the notice shares as much but is
        // in another category; the draft about dengue is not public; the twenty ward bulletins between share nothing.
        Assert.Equal(
            [app.DengueSpraying.Title, app.DengueRising.Title, app.DengueNotice.Title],
            page.Texts("[data-test=related] .article-link"));
    }

    [Fact]
    public async Task Related_DoNotRepeatTheBulletinsListedUnderTheArticle()
    {
        var (_, page) = await Html.GetAsync(app.CreateBrowser(), app.UrlOf(app.Dengue));

        var related = page.Texts("[data-test=related] .article-link");
        var listed = page.Texts("[data-test=newer] .article-link").Concat(page.Texts("[data-test=older] .article-link")).ToList();
        Assert.Equal(15, listed.Count);
        Assert.Empty(related.Intersect(listed));
        Assert.InRange(related.Count, 3, 5);
    }

    [Fact]
    public async Task Related_NothingSharesEnoughWords_TheSectionIsLeftOut()
    {
        var (_, page) = await Html.GetAsync(app.CreateBrowser(), app.UrlOf(app.EveningShow));

        Assert.Null(page.QuerySelector("[data-test=related]"));
        Assert.NotNull(page.QuerySelector("[data-test=older]"));
    }

    [Fact]
    public async Task Related_MatchesWhateverTheCase_AndFollowsContentChanges()
    {
        // Its own app: the bulletin it adds would change what the other tests read.
        using var own = new ResidentsSiteFactory();
        await own.InitializeAsync();
        var added = await own.WithDbAsync(db => TestArticles.AddAsync(db, "Khen thưởng tổ dân phố làm tốt phòng chống SỐT XUẤT HUYẾT",
            new DateTime(2026, 6, 1, 8, 0, 0), TestArticles.WardNews));
        await own.PublicContentChangedAsync();

        var (_, page) = await Html.GetAsync(own.CreateBrowser(), own.UrlOf(own.Dengue));

        var related = page.Texts("[data-test=related] .article-link").ToList();
        Assert.Contains(added.Title, related);
        Assert.True(related.IndexOf(added.Title) < related.IndexOf(own.DengueNotice.Title), "same category comes first");
    }
}
