using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using District5News.Web.Features.Paging;
using District5News.Web.Features.Vietnamese;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace District5News.Web.Features.Api;

/// <summary>The query string of <c>GET /api/v1/bulletins</c>, as sent.</summary>
public sealed class BulletinListParameters
{
    public const string UnitParameter = "unit";
    public const string CategoryParameter = "category";
    public const string FromParameter = "from";
    public const string ToParameter = "to";

    // For the OpenAPI document; the checks themselves, with their Vietnamese messages, are in Validate.
    private const string DayPattern = @"^\d{4}-\d{2}-\d{2}$";
    private const string SlugPattern = "^[a-z0-9-]+$";

    /// <summary>Every query value that changes the answer (the page cache keeps one copy per combination, and only these).</summary>
    public static readonly string[] QueryKeys =
        [ApiPaging.PageParameter, ApiPaging.PageSizeParameter, UnitParameter, CategoryParameter, FromParameter, ToParameter];

    [FromQuery(Name = ApiPaging.PageParameter)]
    [Description("Page number, from 1 (default 1). Past the last page the items are empty.")]
    [Range(1, PageRequest.MaxPage)]
    public int? Page { get; init; }

    [FromQuery(Name = ApiPaging.PageSizeParameter)]
    [Description("Bulletins per page, 1 to 100 (default 20).")]
    [Range(1, ApiPaging.MaxPageSize)]
    public int? PageSize { get; init; }

    [FromQuery(Name = UnitParameter)]
    [RegularExpression(SlugPattern)]
    [Description("A publishing unit's slug (see /api/v1/units). A ward of today includes the bulletins of the former wards merged into it, at any depth: cho-lon includes phuong-11 to phuong-14, phuong-10 and phuong-15.")]
    public string? Unit { get; init; }

    [FromQuery(Name = CategoryParameter)]
    [RegularExpression(SlugPattern)]
    [Description("A category's slug, as in /chuyen-muc/{slug}.")]
    public string? Category { get; init; }

    [FromQuery(Name = FromParameter)]
    [Description("First day, yyyy-MM-dd, Vietnam calendar (UTC+7), inclusive.")]
    [RegularExpression(DayPattern)]
    public string? From { get; init; }

    [FromQuery(Name = ToParameter)]
    [Description("Last day, yyyy-MM-dd, Vietnam calendar (UTC+7), inclusive.")]
    [RegularExpression(DayPattern)]
    public string? To { get; init; }

    /// <summary>The filter these values ask for, or null with every problem in <paramref name="errors"/>.</summary>
    public BulletinFilter? Validate(ModelStateDictionary modelState, ApiErrors errors)
    {
        var page = ApiPaging.Read(Page, PageSize, modelState, errors);
        var from = ReadDay(From, FromParameter, "Ngày bắt đầu (from)", errors);
        var to = ReadDay(To, ToParameter, "Ngày kết thúc (to)", errors);
        if (from is { } first && to is { } last && first > last)
        {
            errors.Add(ToParameter, "Ngày kết thúc (to) phải bằng hoặc sau ngày bắt đầu (from).");
        }

        var unit = ReadSlug(Unit, UnitParameter, "Mã đơn vị (unit)", errors);
        var category = ReadSlug(Category, CategoryParameter, "Mã chuyên mục (category)", errors);
        return errors.Any || page is null
            ? null
            : new BulletinFilter(page, unit, category,
                from is { } f ? VietnamTime.DayRangeUtc(f).StartUtc : null,
                to is { } t ? VietnamTime.DayRangeUtc(t).EndUtc : null);
    }

    private static DateOnly? ReadDay(string? value, string parameter, string label, ApiErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(parameter, $"{label} phải là một ngày có thật, viết dạng năm-tháng-ngày (yyyy-MM-dd), ví dụ 2025-07-01.");
        return null;
    }

    /// <summary>Slugs are stored lower-case ASCII, so anything else can never match: said at once, with the reason.</summary>
    private static string? ReadSlug(string? value, string parameter, string label, ApiErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var slug = value.Trim().ToLowerInvariant();
        if (slug.Length > 100 || !slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            errors.Add(parameter, $"{label} chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ cho-lon.");
            return null;
        }

        return slug;
    }
}

/// <summary>A checked bulletin filter: the page, and the unit, category and [from, to) instants in UTC, each optional.</summary>
public sealed record BulletinFilter(ApiPageRequest Page, string? UnitSlug, string? CategorySlug, DateTime? FromUtc, DateTime? ToUtcExclusive);
