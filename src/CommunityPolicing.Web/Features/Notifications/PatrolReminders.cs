using System.Globalization;
using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using Npgsql;

namespace CommunityPolicing.Web.Features.Notifications;

/// <summary>SMTP settings (section "Smtp"); reminders go by e-mail only when Host is set.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "noreply@communitypolicing.local";

    /// <summary>Send without TLS when the server offers none (a relay on the same host); off by default.</summary>
    public bool AllowPlaintext { get; set; }

    /// <summary>
    /// TLS from the first byte on port 465, else STARTTLS, required: a server (or someone between) that does not
    /// offer it gets no password and no message. Opportunistic STARTTLS only when plaintext is allowed.
    /// </summary>
    public SecureSocketOptions SocketOptions =>
        Port == 465 ? SecureSocketOptions.SslOnConnect
        : AllowPlaintext ? SecureSocketOptions.StartTlsWhenAvailable
        : SecureSocketOptions.StartTls;
}

/// <summary>
/// Reminds the officers and the association's coordinators of a patrol a day and two hours before it starts, in the
/// app and, when SMTP is configured, by e-mail. Each (user, patrol, kind) is sent once, even with several app instances.
/// </summary>
public sealed class PatrolReminderRunner(IDbContextFactory<AppDbContext> factory, TimeProvider clock, IOptions<SmtpOptions> smtp,
    IStringLocalizer<SharedResource> l, IConfiguration configuration, ILogger<PatrolReminderRunner> logger)
{
    public static readonly TimeSpan DayBefore = TimeSpan.FromHours(24);
    public static readonly TimeSpan Soon = TimeSpan.FromHours(2);

    /// <summary>Creates the reminders due now and e-mails the unsent ones; returns how many reminders were created.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        var due = await db.Patrols.AsNoTracking()
            .Where(p => (p.Status == PatrolStatus.Planned || p.Status == PatrolStatus.Confirmed) && p.StartsAt > now && p.StartsAt <= now + DayBefore)
            .Select(p => new
            {
                p.Id,
                p.StartsAt,
                Officers = p.Participants.Where(x => x.Officer != null && x.Officer.UserId != null).Select(x => x.Officer!.UserId!).ToList(),
                Coordinators = db.AssociationCoordinators.Where(c => c.AssociationId == p.AssociationId).Select(c => c.UserId).ToList(),
            })
            .ToListAsync(ct);
        var ids = due.Select(p => p.Id).ToList();
        var sent = (await db.Notifications.Where(n => n.PatrolId != null && ids.Contains(n.PatrolId.Value))
            .Select(n => new { n.UserId, n.PatrolId, n.Kind }).ToListAsync(ct)).Select(n => (n.UserId, n.PatrolId!.Value, n.Kind)).ToHashSet();
        var created = due.SelectMany(p => p.Officers.Concat(p.Coordinators).Distinct().Select(user => (User: user, Patrol: p.Id,
                Kind: p.StartsAt - now <= Soon ? NotificationKind.PatrolSoon : NotificationKind.PatrolTomorrow)))
            .Where(n => !sent.Contains(n))
            .Select(n => new Notification { UserId = n.User, PatrolId = n.Patrol, Kind = n.Kind, CreatedAt = now })
            .ToList();
        if (created.Count > 0)
        {
            db.Notifications.AddRange(created);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                return 0; // another instance sent them first
            }
        }

        if (!string.IsNullOrWhiteSpace(smtp.Value.Host))
        {
            await EmailAsync(db, now, ct);
        }

        return created.Count;
    }

    /// <summary>E-mails reminders of the last day not yet e-mailed, in the app's default language.</summary>
    private async Task EmailAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var pending = await db.Notifications.Where(n => n.EmailedAt == null && n.CreatedAt > now - DayBefore)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { Notification = n, u.Email })
            .Join(db.Patrols, x => x.Notification.PatrolId, p => p.Id, (x, p) => new
            {
                x.Notification,
                x.Email,
                p.StartsAt,
                Precinct = p.Precinct!.Name,
                p.MeetingPoint,
                Zone = db.Departments.Where(d => d.Id == p.DepartmentId).Select(d => d.TimeZoneId).First(),
            })
            .Take(200).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return;
        }

        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(configuration["Localization:DefaultCulture"] ?? "ru");
        try
        {
            using var client = new SmtpClient();
            await client.ConnectAsync(smtp.Value.Host!, smtp.Value.Port, smtp.Value.SocketOptions, ct);
            if (!string.IsNullOrEmpty(smtp.Value.UserName))
            {
                await client.AuthenticateAsync(smtp.Value.UserName, smtp.Value.Password ?? "", ct);
            }

            foreach (var x in pending.Where(x => x.Email is not null))
            {
                var starts = TimeZoneInfo.ConvertTime(x.StartsAt, TimeZoneInfo.FindSystemTimeZoneById(x.Zone));
                var message = new MimeMessage { Subject = Text(x.Notification.Kind, starts, x.Precinct) };
                message.From.Add(MailboxAddress.Parse(smtp.Value.From));
                message.To.Add(MailboxAddress.Parse(x.Email!));
                message.Body = new TextPart("plain") { Text = $"{message.Subject}\n{x.MeetingPoint}" };
                await client.SendAsync(message, ct);
                x.Notification.EmailedAt = now;
            }

            await client.DisconnectAsync(true, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Patrol reminders could not be e-mailed; they stay in the app and are retried");
        }
        finally
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = culture;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>"Patrol tomorrow at 19:00, post No. 17" in the current language.</summary>
    public string Text(NotificationKind kind, DateTimeOffset localStart, string precinct) =>
        l[$"NotificationKind.{kind}", localStart.ToString("d MMM HH:mm", CultureInfo.CurrentCulture), precinct];
}

/// <summary>Runs the reminders every minute.</summary>
public sealed class PatrolReminders(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PatrolReminders> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PatrolReminderRunner>().RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Patrol reminders failed; retrying in a minute");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
