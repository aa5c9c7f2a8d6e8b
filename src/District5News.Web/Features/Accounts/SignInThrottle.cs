using District5News.Web.Hosting;
using Microsoft.Extensions.Options;

namespace District5News.Web.Features.Accounts;

/// <summary>What the throttle says about a sign-in before the password is checked.</summary>
public readonly record struct SignInPermit(TimeSpan? RefusedFor, bool FailureCounts, bool AccountHasRecentCountedFailures)
{
    public bool Refused => RefusedFor is not null;
}

/// <summary>Where a failed sign-in's audit goes: a new row, an update of this window's row, or the log only.</summary>
public readonly record struct FailureAudit(bool NewRow, long? RowId, int Count);

/// <summary>
/// Failed sign-ins remembered in memory, over a sliding window, by client address and by account (the normalized
/// e-mail, whether or not such an account exists, so the answers do not tell which accounts exist). It decides:
/// <list type="bullet">
/// <item>whether a failure counts towards the account's lockout: only while its address has fewer than
/// <see cref="SignInFailureLimits.CountedPerAddress"/> failures, so a stranger at one address cannot lock an account;</item>
/// <item>whether a sign-in is refused (429) before its password is checked: too many failures from the address, or on
/// the account from all addresses together;</item>
/// <item>whether a failure gets a new audit row: one per account and address per window, holding the count.</item>
/// </list>
/// Per instance: with several instances behind a balancer each keeps its own counts (docs/decisions/0005).
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IOptions<RateLimitingOptions> options)
{
    /// <summary>Keys kept at most, so a flood of made-up e-mails cannot grow memory without end.</summary>
    private const int MaxKeys = 100_000;

    /// <summary>Failures kept per key; enough for every limit, and a bound when the limits are off.</summary>
    private const int MaxPerKey = 1_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<Failure>> _byAddress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<Failure>> _byAccount = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AuditWindow> _audit = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _auditRows = new();
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    private SignInFailureLimits Limits => options.Value.SignInFailures;

    public SignInPermit Check(string account, string address)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            var byAddress = Recent(_byAddress, address, now);
            var byAccount = Recent(_byAccount, account, now);
            TimeSpan? refused = null;
            if (options.Value.Enabled && byAddress?.Count >= Limits.PerAddress)
            {
                refused = byAddress.Peek().At + Limits.Window - now;
            }

            if (options.Value.Enabled && byAccount?.Count >= Limits.PerAccount)
            {
                var until = byAccount.Peek().At + Limits.Window - now;
                refused = refused is { } r && r > until ? r : until;
            }

            return new SignInPermit(
                refused,
                FailureCounts: (byAddress?.Count ?? 0) < Limits.CountedPerAddress,
                AccountHasRecentCountedFailures: byAccount?.Any(f => f.Counted) == true);
        }
    }

    /// <summary>Remembers a failure and says how to audit it.</summary>
    public FailureAudit RecordFailure(string account, string address, bool counted)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            Sweep(now);
            var failure = new Failure(now, counted);
            Add(_byAddress, address, failure);
            Add(_byAccount, account, failure);

            var pair = account + "\n" + address;
            if (_audit.TryGetValue(pair, out var window) && window.Start + Limits.Window > now)
            {
                window.Count++;
                return new FailureAudit(false, window.RowId, window.Count);
            }

            while (_auditRows.TryPeek(out var at) && at + Limits.Window <= now)
            {
                _auditRows.Dequeue();
            }

            var newRow = _auditRows.Count < Limits.AuditRowsPerWindow && (_audit.Count < MaxKeys || _audit.ContainsKey(pair));
            if (newRow)
            {
                _auditRows.Enqueue(now);
                _audit[pair] = new AuditWindow(now);
            }

            return new FailureAudit(newRow, null, 1);
        }
    }

    /// <summary>The audit row that later failures of the same account and address in this window update.</summary>
    public void SetAuditRow(string account, string address, long rowId)
    {
        lock (_lock)
        {
            if (_audit.TryGetValue(account + "\n" + address, out var window))
            {
                window.RowId = rowId;
            }
        }
    }

    /// <summary>The right password ends the account's run of failures (not the address's: one's own account must not
    /// wipe out the failures an address made on others).</summary>
    public void RecordSuccess(string account)
    {
        lock (_lock)
        {
            _byAccount.Remove(account);
        }
    }

    private Queue<Failure>? Recent(Dictionary<string, Queue<Failure>> failures, string key, DateTimeOffset now)
    {
        if (!failures.TryGetValue(key, out var queue))
        {
            return null;
        }

        while (queue.TryPeek(out var oldest) && oldest.At + Limits.Window <= now)
        {
            queue.Dequeue();
        }

        return queue;
    }

    private void Add(Dictionary<string, Queue<Failure>> failures, string key, Failure failure)
    {
        if (!failures.TryGetValue(key, out var queue))
        {
            if (failures.Count >= MaxKeys)
            {
                return;
            }

            failures[key] = queue = new Queue<Failure>();
        }

        if (queue.Count >= MaxPerKey)
        {
            queue.Dequeue();
        }

        queue.Enqueue(failure);
    }

    /// <summary>Forgets what has left the window, at most once a minute.</summary>
    private void Sweep(DateTimeOffset now)
    {
        if (now - _lastSweep < TimeSpan.FromMinutes(1) && _byAddress.Count < MaxKeys && _byAccount.Count < MaxKeys && _audit.Count < MaxKeys)
        {
            return;
        }

        _lastSweep = now;
        foreach (var failures in new[] { _byAddress, _byAccount })
        {
            foreach (var key in failures.Keys.ToList())
            {
                if (Recent(failures, key, now)!.Count == 0)
                {
                    failures.Remove(key);
                }
            }
        }

        foreach (var (key, window) in _audit.ToList())
        {
            if (window.Start + Limits.Window <= now)
            {
                _audit.Remove(key);
            }
        }
    }

    private readonly record struct Failure(DateTimeOffset At, bool Counted);

    private sealed class AuditWindow(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; } = start;

        public long? RowId { get; set; }

        public int Count { get; set; } = 1;
    }
}
