using System.ComponentModel;
using System.Text.Json.Serialization;

namespace District5News.Web.Features.Api;

// The web service's response shapes (docs/api.md). Property names are fixed here with [JsonPropertyName], so no
// serializer setting can rename them: they are a published contract. A new field may be added in v1; a field is
// never renamed, retyped or removed without a new version.

/// <summary>One page of a list: the items, and where they sit in the whole.</summary>
[Description("One page of a list, newest first.")]
public sealed record ApiPage<T>(
    [property: JsonPropertyName("page"), Description("This page's number, from 1.")] int Page,
    [property: JsonPropertyName("pageSize"), Description("Items per page as requested (the last page may hold fewer).")] int PageSize,
    [property: JsonPropertyName("totalItems"), Description("Items matching the filters, on all pages.")] int TotalItems,
    [property: JsonPropertyName("totalPages"), Description("Pages of pageSize items; at least 1.")] int TotalPages,
    [property: JsonPropertyName("items"), Description("This page's items; empty past the last page.")] IReadOnlyList<T> Items);

/// <summary>A list that is never long enough to need pages.</summary>
[Description("A complete list.")]
public sealed record ApiList<T>(
    [property: JsonPropertyName("items"), Description("Every item.")] IReadOnlyList<T> Items);

[Description("A category of bulletins.")]
public sealed record ApiCategoryRef(
    [property: JsonPropertyName("slug"), Description("The category's key, as in /chuyen-muc/{slug}; use it in the category filter.")] string Slug,
    [property: JsonPropertyName("name"), Description("The category's Vietnamese name.")] string Name);

[Description("The publishing unit a bulletin belongs to.")]
public sealed record ApiUnitRef(
    [property: JsonPropertyName("slug"), Description("The unit's key, as in /don-vi/{slug}; use it in the unit filter.")] string Slug,
    [property: JsonPropertyName("name"), Description("The unit's Vietnamese name, e.g. \"Phường Chợ Lớn\".")] string Name);

[Description("A bulletin as lists show it.")]
public sealed record ApiBulletinSummary(
    [property: JsonPropertyName("id"), Description("The bulletin's number; GET /api/v1/bulletins/{id} gives the whole text.")] int Id,
    [property: JsonPropertyName("title"), Description("The title.")] string Title,
    [property: JsonPropertyName("lead"), Description("The lead paragraph, plain text.")] string Lead,
    [property: JsonPropertyName("publishedAt"), Description("Publication time in Vietnam time, ISO 8601 with its +07:00 offset, to the second.")] DateTimeOffset PublishedAt,
    [property: JsonPropertyName("category"), Description("The bulletin's category.")] ApiCategoryRef Category,
    [property: JsonPropertyName("unit"), Description("The unit that published it.")] ApiUnitRef Unit,
    [property: JsonPropertyName("url"), Description("The canonical address of the bulletin's page on the portal (absolute).")] string Url,
    [property: JsonPropertyName("coverUrl"), Description("The cover image's absolute address, or null when it has none.")] string? CoverUrl);

[Description("A bulletin with its text.")]
public sealed record ApiBulletin(
    [property: JsonPropertyName("id"), Description("The bulletin's number.")] int Id,
    [property: JsonPropertyName("title"), Description("The title.")] string Title,
    [property: JsonPropertyName("lead"), Description("The lead paragraph, plain text.")] string Lead,
    [property: JsonPropertyName("bodyHtml"), Description("The body as sanitized HTML (paragraphs, headings, lists, links, images; no script or style). Addresses on the portal are absolute.")] string BodyHtml,
    [property: JsonPropertyName("bodyText"), Description("The body as plain text, one paragraph a line.")] string BodyText,
    [property: JsonPropertyName("publishedAt"), Description("Publication time in Vietnam time, ISO 8601 with its +07:00 offset, to the second.")] DateTimeOffset PublishedAt,
    [property: JsonPropertyName("modifiedAt"), Description("Last change of the text or of its publication, Vietnam time with +07:00, to the second.")] DateTimeOffset ModifiedAt,
    [property: JsonPropertyName("category"), Description("The bulletin's category.")] ApiCategoryRef Category,
    [property: JsonPropertyName("unit"), Description("The unit that published it.")] ApiUnitRef Unit,
    [property: JsonPropertyName("url"), Description("The canonical address of the bulletin's page on the portal (absolute).")] string Url,
    [property: JsonPropertyName("coverUrl"), Description("The cover image's absolute address, or null when it has none.")] string? CoverUrl,
    [property: JsonPropertyName("viewsTotal"), Description("Views so far, including those carried over from the old portal; may lag by the cache's few minutes.")] long ViewsTotal);

[Description("A publishing unit: the district archive, a ward of today, or a former numbered ward.")]
public sealed record ApiUnit(
    [property: JsonPropertyName("slug"), Description("The unit's key; use it in the bulletins' unit filter.")] string Slug,
    [property: JsonPropertyName("name"), Description("The unit's Vietnamese name.")] string Name,
    [property: JsonPropertyName("kind"), Description("\"district\" (UBND Quận 5, the archive) or \"ward\".")] string Kind,
    [property: JsonPropertyName("activeFrom"), Description("First day it published as this unit (yyyy-MM-dd, Vietnam calendar), or null when older than the records.")] DateOnly? ActiveFrom,
    [property: JsonPropertyName("activeUntil"), Description("Last day it existed as this unit (yyyy-MM-dd), or null while it still publishes.")] DateOnly? ActiveUntil,
    [property: JsonPropertyName("successor"), Description("The slug of the unit that took it over, or null.")] string? Successor,
    [property: JsonPropertyName("predecessors"), Description("The slugs of the units merged directly into this one (their bulletins are listed under it too).")] IReadOnlyList<string> Predecessors,
    [property: JsonPropertyName("basis"), Description("The resolution that created or ended it, as residents cite it, or null.")] string? Basis);
