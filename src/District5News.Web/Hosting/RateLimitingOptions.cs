namespace District5News.Web.Hosting;

/// <summary>
/// The "RateLimiting" section: how many requests one client address may send to sign-in, search and the web service, and how failed
/// sign-ins are throttled by address and by account (docs/decisions/0005-sign-in-throttling.md).
/// </summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>Off only for load tests: no request is then refused with 429 (the lockout rules stay).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Sign-in form posts from one address, successful or not. Staff of a ward office share one address.</summary>
    public WindowLimit SignInPerAddress { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) };

    /// <summary>
    /// Searches from one address. Generous: Vietnamese mobile networks put many residents behind one address, and
    /// search is the one public page not served from the page cache.
    /// </summary>
    public WindowLimit SearchPerAddress { get; set; } = new() { PermitLimit = 300, Window = TimeSpan.FromMinutes(1) };

    /// <summary>
    /// Web-service requests (/api, /openapi) from one address: ten a second on average, enough for a ward's own site
    /// or an aggregator walking the pages, and a bound on what one program can make the database do.
    /// </summary>
    public WindowLimit ApiPerAddress { get; set; } = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Questions sent from one address (the /hoi-dap form): enough for a family, not for a spam run.</summary>
    public WindowLimit QuestionPerAddress { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(10) };

    public SignInFailureLimits SignInFailures { get; set; } = new();

    /// <summary>The reasons the settings cannot work together, empty when they can.</summary>
    public IEnumerable<string> Problems(int maxFailedAccessAttempts)
    {
        foreach (var (name, limit) in new[] { (nameof(SignInPerAddress), SignInPerAddress), (nameof(SearchPerAddress), SearchPerAddress), (nameof(ApiPerAddress), ApiPerAddress), (nameof(QuestionPerAddress), QuestionPerAddress) })
        {
            if (limit.PermitLimit < 1 || limit.Window <= TimeSpan.Zero)
            {
                yield return $"RateLimiting:{name} needs a PermitLimit of at least 1 and a positive Window.";
            }
        }

        var f = SignInFailures;
        if (f.Window <= TimeSpan.Zero || f.CountedPerAddress < 1 || f.PerAddress < 1 || f.AuditRowsPerWindow < 0)
        {
            yield return "RateLimiting:SignInFailures needs a positive Window and limits of at least 1.";
        }

        if (f.CountedPerAddress >= maxFailedAccessAttempts)
        {
            yield return "RateLimiting:SignInFailures:CountedPerAddress must be below Identity:Lockout:MaxFailedAccessAttempts, "
                + "or one address could lock any account.";
        }

        if (f.PerAccount <= f.PerAddress)
        {
            yield return "RateLimiting:SignInFailures:PerAccount must be above PerAddress, or one address could block an account.";
        }
    }
}

/// <summary>At most <see cref="PermitLimit"/> requests per <see cref="Window"/> (a fixed window).</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>Failed sign-ins, remembered in memory for <see cref="Window"/> (sliding).</summary>
public sealed class SignInFailureLimits
{
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Failures from one address that count towards an account's lockout. Past this the address is being throttled and
    /// its failures no longer count, so one address alone can never lock an account.
    /// </summary>
    public int CountedPerAddress { get; set; } = 3;

    /// <summary>Failures from one address after which its sign-ins are refused (429) until the oldest leaves the window.</summary>
    public int PerAddress { get; set; } = 10;

    /// <summary>Failures on one account, from any address, after which its sign-ins are refused (429).</summary>
    public int PerAccount { get; set; } = 25;

    /// <summary>New audit rows for failed sign-ins per window, all addresses together; the rest go to the log only.</summary>
    public int AuditRowsPerWindow { get; set; } = 200;
}
