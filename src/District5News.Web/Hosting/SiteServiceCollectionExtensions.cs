using System.Text.Encodings.Web;
using System.Text.Unicode;
using District5News.Web.Features.Archive;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Feeds;
using District5News.Web.Features.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.ResponseCompression;

namespace District5News.Web.Hosting;

public static class SiteServiceCollectionExtensions
{
    /// <summary>The public reader site: MVC, its queries and search.</summary>
    public static IServiceCollection AddNewsSite(this IServiceCollection services)
    {
        services.AddControllersWithViews(o =>
        {
            o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            VietnameseBindingMessages.Apply(o.ModelBindingMessageProvider);
            o.ModelMetadataDetailsProviders.Add(new VietnameseValidationMetadataProvider());
        });

        // Razor would write every Vietnamese letter as &#x...; (three to five times the bytes): keep them as text.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Append("application/rss+xml");
        });
        services.AddScoped<ArticleQueries>();
        services.AddScoped<ArchiveQueries>();
        services.AddScoped<ArticleSearch>();
        services.AddSingleton<SearchResultCache>();
        services.AddPublicContentChangeHandler<SearchResultCache>();
        services.AddSingleton<CategoryDirectory>();
        services.AddPublicContentChangeHandler<CategoryDirectory>();
        services.AddScoped<FeedQueries>();
        services.AddOptions<FeedOptions>().BindConfiguration(FeedOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
