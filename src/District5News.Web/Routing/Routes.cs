namespace District5News.Web.Routing;

/// <summary>
/// The public site's addresses (PRODUCT.md: Vietnamese, stable, lowercase). Each template is written once: the
/// controller's [HttpGet] uses the constant and links are filled from it with <see cref="RouteLink"/>.
/// </summary>
public static class SiteRoutes
{
    public const string Home = "/";
    public const string Article = "/tin-tuc/{id:int}/{slug?}";
    public const string Category = "/chuyen-muc/{slug}";
    public const string DayPicker = "/theo-ngay";
    public const string Month = "/theo-ngay/{year:int}/{month:int}";
    public const string Day = "/theo-ngay/{year:int}/{month:int}/{day:int}";
    public const string Search = "/tim-kiem";

    /// <summary>A file attached to a bulletin, always downloaded (Content-Disposition: attachment).</summary>
    public const string Attachment = "/tep-dinh-kem/{id:int}";
    /// <summary>A publishing unit's bulletins (a ward's page includes its predecessors'); quan-5 is the district's archive.</summary>
    public const string Unit = "/don-vi/{slug}";

    /// <summary>The home page's ward picker posts here; the choice is kept in a cookie and the browser sent back home.</summary>
    public const string ChooseWard = "/chon-phuong";

    /// <summary>RSS 2.0 of the whole site and of one category (docs/residents.md).</summary>
    public const string Rss = "/rss";
    public const string CategoryRss = "/chuyen-muc/{slug}/rss";

    /// <summary>The sitemap index, its numbered pages of addresses, and the news sitemap of the last two days.</summary>
    public const string Sitemap = "/sitemap.xml";
    public const string SitemapPage = "/sitemap-{page:int}.xml";
    public const string NewsSitemap = "/sitemap-tin-moi.xml";
    public const string Robots = "/robots.txt";
    public const string Error = "/loi/{code:int}";

    /// <summary>The agency (Nghị định 42/2022/NĐ-CP, Art. 4(1)(e), 7(2)): the default unit, or one current unit by slug.</summary>
    public const string About = "/gioi-thieu";
    public const string AboutUnit = "/gioi-thieu/{slug}";
    public const string Contact = "/lien-he";
    public const string ContactUnit = "/lien-he/{slug}";
    public const string English = "/en";

    /// <summary>Links to the public service portals and common procedures.</summary>
    public const string Procedures = "/thu-tuc-hanh-chinh";

    /// <summary>The documents library (Nghị định 42/2022/NĐ-CP, Art. 4): list, one document, its PDF (always a download).</summary>
    public const string Documents = "/van-ban";
    public const string Document = "/van-ban/{id:int}/{slug?}";
    public const string DocumentFile = "/van-ban/{id:int}/tai-ve";

    /// <summary>Residents' questions: answered ones, one question, the form and its thank-you page.</summary>
    public const string Questions = "/hoi-dap";
    public const string Question = "/hoi-dap/{id:int}/{slug?}";
    public const string QuestionAsk = "/hoi-dap/dat-cau-hoi";
    public const string QuestionSent = "/hoi-dap/da-gui";

    /// <summary>The error page the exception handler re-executes.</summary>
    public const string ServerError = "/loi/500";

    /// <summary>The status-code pages' re-execute path ({0} is the status code).</summary>
    public const string StatusCodePage = "/loi/{0}";
}

/// <summary>Staff sign-in and their own account, outside the admin area (the cookie's login and logout paths).</summary>
public static class AccountRoutes
{
    /// <summary>Every address below this is a staff page (framing refused, never cached).</summary>
    public const string Area = "/tai-khoan";

    public const string SignIn = "/tai-khoan/dang-nhap";
    public const string SignOut = "/tai-khoan/dang-xuat";
    public const string AccessDenied = "/tai-khoan/khong-co-quyen";
    public const string ChangePassword = "/tai-khoan/doi-mat-khau";
}

/// <summary>The back office's addresses.</summary>
public static class AdminRoutes
{
    /// <summary>Every address below this is the back office.</summary>
    public const string Area = "/admin";

    public const string Dashboard = "/admin";

    public const string Articles = "/admin/bai-viet";
    public const string ArticleCreate = "/admin/bai-viet/tao-moi";
    public const string ArticlePreview = "/admin/bai-viet/xem-truoc";
    public const string ArticleEdit = "/admin/bai-viet/{id:int}/sua";
    public const string ArticleEditPreview = "/admin/bai-viet/{id:int}/xem-truoc";
    public const string ArticleDelete = "/admin/bai-viet/{id:int}/xoa";
    public const string ArticleHistory = "/admin/bai-viet/{id:int}/lich-su";
    public const string ArticleRevision = "/admin/bai-viet/{id:int}/lich-su/{revisionId:int}";
    public const string ArticleRevisionRestore = "/admin/bai-viet/{id:int}/lich-su/{revisionId:int}/khoi-phuc";

    /// <summary>The form's autosave (POST, JSON answer), the form filled from the autosaved draft (GET) and discarding it (POST).</summary>
    public const string ArticleAutosave = "/admin/bai-viet/tao-moi/tu-luu";
    public const string ArticleEditAutosave = "/admin/bai-viet/{id:int}/tu-luu";
    public const string ArticleDraftRestore = "/admin/bai-viet/tao-moi/ban-tu-luu";
    public const string ArticleEditDraftRestore = "/admin/bai-viet/{id:int}/ban-tu-luu";
    public const string ArticleDraftDiscard = "/admin/bai-viet/tao-moi/ban-tu-luu/bo";
    public const string ArticleEditDraftDiscard = "/admin/bai-viet/{id:int}/ban-tu-luu/bo";

    public const string Trash = "/admin/bai-viet/thung-rac";
    public const string TrashRestore = "/admin/bai-viet/thung-rac/{id:int}/khoi-phuc";
    public const string TrashPurge = "/admin/bai-viet/thung-rac/{id:int}/xoa-han";
    public const string TrashEmpty = "/admin/bai-viet/thung-rac/don-sach";

    public const string Categories = "/admin/chuyen-muc";
    public const string CategoryCreate = "/admin/chuyen-muc/tao-moi";
    public const string CategoryRename = "/admin/chuyen-muc/{id:int}/doi-ten";
    public const string CategoryMove = "/admin/chuyen-muc/{id:int}/thu-tu";
    public const string CategoryVisibility = "/admin/chuyen-muc/{id:int}/hien-thi";

    public const string Notices = "/admin/thong-bao-khan";
    public const string NoticeCreate = "/admin/thong-bao-khan/tao-moi";
    public const string NoticeEdit = "/admin/thong-bao-khan/{id:int}/sua";
    public const string NoticeEnd = "/admin/thong-bao-khan/{id:int}/ket-thuc";
    /// <summary>The media library: GET the paged list, POST an upload (the editor's photo panel posts here too).</summary>
    public const string Media = "/admin/thu-vien-anh";
    public const string MediaPicker = "/admin/thu-vien-anh/chon";

    public const string Statistics = "/admin/thong-ke";
    public const string StatisticsCsv = "/admin/thong-ke/csv";
    public const string StatisticsXlsx = "/admin/thong-ke/xlsx";

    public const string Accounts = "/admin/tai-khoan";
    public const string AccountCreate = "/admin/tai-khoan/tao-moi";
    public const string AccountResetPassword = "/admin/tai-khoan/{id}/dat-lai-mat-khau";
    public const string AccountLock = "/admin/tai-khoan/{id}/khoa";
    public const string AccountUnlock = "/admin/tai-khoan/{id}/mo-khoa";
    public const string AccountRole = "/admin/tai-khoan/{id}/vai-tro";
    public const string AccountUnits = "/admin/tai-khoan/{id}/don-vi";

    public const string Units = "/admin/don-vi";
    public const string UnitEdit = "/admin/don-vi/{id:int}/sua";

    public const string Audit = "/admin/nhat-ky";

    public const string Settings = "/admin/cai-dat";
    public const string UnitProfiles = "/admin/gioi-thieu";
    public const string UnitProfileEdit = "/admin/gioi-thieu/{id:int}/sua";
    public const string Procedures = "/admin/thu-tuc-hanh-chinh";
    public const string ProcedureCreate = "/admin/thu-tuc-hanh-chinh/tao-moi";
    public const string ProcedureEdit = "/admin/thu-tuc-hanh-chinh/{id:int}/sua";
    public const string ProcedureDelete = "/admin/thu-tuc-hanh-chinh/{id:int}/xoa";
    public const string Import = "/admin/nhap-du-lieu";

    public const string Documents = "/admin/van-ban";
    public const string DocumentCreate = "/admin/van-ban/tao-moi";
    public const string DocumentEdit = "/admin/van-ban/{id:int}/sua";
    public const string DocumentDelete = "/admin/van-ban/{id:int}/xoa";

    public const string Questions = "/admin/hoi-dap";
    public const string QuestionAnswer = "/admin/hoi-dap/{id:int}/tra-loi";

    public static string AccountLink(string template, string id) => RouteLink.Fill(template, ("id", id));
}

/// <summary>The load balancer's probes: plain text, never counted, never cached.</summary>
public static class HealthRoutes
{
    /// <summary>The process answers.</summary>
    public const string Alive = "/healthz";

    /// <summary>The process answers, its database answers and has every migration of this version.</summary>
    public const string Ready = "/healthz/ready";
}
