using District5News.Web.Features.Editing;
using District5News.Web.Features.Photos;
using Microsoft.Extensions.FileProviders;

namespace District5News.Web.Hosting;

public static class EditingServiceCollectionExtensions
{
    /// <summary>Writing and publishing bulletins: editor, revisions, trash, uploads, sanitizer, photos (image pipeline, media library).</summary>
    public static IServiceCollection AddNewsEditing(this IServiceCollection services)
    {
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<HtmlBodySanitizer>();
        services.AddSingleton<CoverImageStore>();
        services.AddScoped<EditorQueries>();
        services.AddScoped<ArticleHistory>();
        services.AddScoped<SaveArticleValidator>();
        services.AddScoped<SaveArticleHandler>();
        services.AddScoped<ArticleEditor>();
        services.AddScoped<DeleteConfirmations>();
        services.AddScoped<ArticlePreview>();

        // The form's autosaved drafts and the files attached to bulletins (issue 13).
        services.AddScoped<Features.Autosave.EditorDrafts>();
        services.AddOptions<Features.Attachments.AttachmentOptions>().BindConfiguration(Features.Attachments.AttachmentOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Features.Attachments.ArticleAttachmentStore>();
        services.AddScoped<Features.Attachments.ArticleAttachments>();
        services.AddScoped<Features.Attachments.AttachmentQueries>();
        services.AddSingleton<ImagePipeline>();
        services.AddSingleton<MediaFiles>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<BodyImages>();
        return services;
    }

    /// <summary>
    /// Serves the uploads folder at /uploads. Static assets are mapped from the build's manifest, which cannot know
    /// files uploaded at run time, so this folder gets its own static-file middleware.
    /// </summary>
    public static IApplicationBuilder UseNewsUploads(this IApplicationBuilder app)
    {
        var store = app.ApplicationServices.GetRequiredService<CoverImageStore>();
        Directory.CreateDirectory(store.RootFolder);
        return app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = UploadOptions.RequestPath,
            FileProvider = new PhysicalFileProvider(store.RootFolder),
            OnPrepareResponse = context =>
            {
                // Names are never reused, so a long cache is safe; nosniff keeps a browser from reading an image as anything else.
                context.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                context.Context.Response.Headers.XContentTypeOptions = "nosniff";
            },
        });
    }
}
