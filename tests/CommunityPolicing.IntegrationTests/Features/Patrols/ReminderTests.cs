using System.Net;
using System.Net.Sockets;
using System.Text;
using CommunityPolicing.Testing;
using CommunityPolicing.Web;
using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Notifications;
using CommunityPolicing.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static CommunityPolicing.IntegrationTests.Features.Patrols.PatrolFixture;

namespace CommunityPolicing.IntegrationTests.Features.Patrols;

[Collection(AppCollection.Name)]
public sealed class ReminderTests(TestApp app)
{
    private async Task<int> PatrolStartingInAsync(TimeSpan from, int officerId)
    {
        await using var db = app.NewDbContext();
        var officer = await db.Officers.Include(o => o.Precinct).SingleAsync(o => o.Id == officerId);
        var association = await db.Associations.Where(a => a.Name == "Народная дружина «Тараз»").Select(a => a.Id).SingleAsync();
        var start = DateTimeOffset.UtcNow.Add(from);
        var patrol = new Patrol
        {
            DepartmentId = officer.Precinct!.DepartmentId,
            PrecinctId = officer.PrecinctId,
            AssociationId = association,
            Date = LocalTime.Date(start, "Asia/Almaty"),
            StartsAt = start,
            EndsAt = start.AddHours(3),
            Status = PatrolStatus.Confirmed,
            Participants = [new PatrolParticipant { OfficerId = officerId, Response = ParticipantResponse.Confirmed }],
        };
        db.Patrols.Add(patrol);
        await db.SaveChangesAsync();
        return patrol.Id;
    }

    [Fact]
    public async Task The_officer_and_the_coordinators_are_reminded_once_a_day_ahead_and_again_two_hours_ahead()
    {
        var (_, _, officer) = await Post17Async(app);
        var tomorrow = await PatrolStartingInAsync(TimeSpan.FromHours(20), officer);
        var soon = await PatrolStartingInAsync(TimeSpan.FromMinutes(90), officer);
        var later = await PatrolStartingInAsync(TimeSpan.FromHours(30), officer);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<PatrolReminderRunner>();

        await runner.RunOnceAsync(CancellationToken.None);
        await runner.RunOnceAsync(CancellationToken.None);

        await using var db = app.NewDbContext();
        var officerUser = await db.Officers.Where(o => o.Id == officer).Select(o => o.UserId!).SingleAsync();
        var coordinatorUser = await db.Users.Where(u => u.Email == Demo.Coordinator).Select(u => u.Id).SingleAsync();
        var sent = await db.Notifications.Where(n => n.PatrolId == tomorrow || n.PatrolId == soon || n.PatrolId == later)
            .Select(n => new { n.UserId, n.PatrolId, n.Kind }).ToListAsync();
        Assert.Equal(4, sent.Count);
        Assert.Contains(new { UserId = officerUser, PatrolId = (int?)tomorrow, Kind = NotificationKind.PatrolTomorrow }, sent);
        Assert.Contains(new { UserId = coordinatorUser, PatrolId = (int?)tomorrow, Kind = NotificationKind.PatrolTomorrow }, sent);
        Assert.Contains(new { UserId = officerUser, PatrolId = (int?)soon, Kind = NotificationKind.PatrolSoon }, sent);
        Assert.DoesNotContain(sent, n => n.PatrolId == later);

        await using var officerScope = await app.SignedInAsync(Demo.Officer17);
        var notifications = officerScope.ServiceProvider.GetRequiredService<NotificationService>();
        var (unread, recent) = await notifications.GetAsync(50);
        Assert.True(unread >= 2);
        Assert.Contains(recent, n => n.PatrolId == soon && n.Kind == NotificationKind.PatrolSoon);
        await notifications.MarkAllReadAsync();
        Assert.Equal(0, (await notifications.GetAsync()).Unread);
    }

    [Fact]
    public async Task Reminders_go_by_email_when_smtp_is_configured()
    {
        var (_, precinct, _) = await Post17Async(app);
        var officer = await NewOfficerAsync(app, precinct, "Тестов Почтовый");
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            // An account of its own, so the e-mail checked is this test's.
            var user = new ApplicationUser { UserName = "mail.test@demo.local", Email = "mail.test@demo.local", FullName = "Тестов Почтовый" };
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user)).Succeeded);
            await using var db = app.NewDbContext();
            (await db.Officers.SingleAsync(o => o.Id == officer)).UserId = user.Id;
            await db.SaveChangesAsync();
        }

        var patrol = await PatrolStartingInAsync(TimeSpan.FromHours(5), officer);
        using var smtp = new SmtpSink();
        await using var runnerScope = app.Factory.Services.CreateAsyncScope();
        var services = runnerScope.ServiceProvider;
        var runner = new PatrolReminderRunner(services.GetRequiredService<IDbContextFactory<AppDbContext>>(), TimeProvider.System,
            Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, From = "patrols@demo.local", AllowPlaintext = true }), // the sink has no TLS
            services.GetRequiredService<IStringLocalizer<SharedResource>>(), services.GetRequiredService<IConfiguration>(), NullLogger<PatrolReminderRunner>.Instance);

        await runner.RunOnceAsync(CancellationToken.None);

        Assert.Contains("mail.test@demo.local", smtp.Recipients);
        Assert.Contains("Совместный патруль", DecodeSubject(smtp.Messages.Single(m => m.Contains("mail.test@demo.local"))));
        await using var check = app.NewDbContext();
        Assert.All(await check.Notifications.Where(n => n.PatrolId == patrol).ToListAsync(), n => Assert.NotNull(n.EmailedAt));
    }

    [Fact]
    public async Task Without_TLS_no_reminder_is_emailed_unless_plaintext_is_allowed()
    {
        var (_, precinct, _) = await Post17Async(app);
        var officer = await NewOfficerAsync(app, precinct, "Тестов Открытый");
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var user = new ApplicationUser { UserName = "plain.test@demo.local", Email = "plain.test@demo.local", FullName = "Тестов Открытый" };
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user)).Succeeded);
            await using var db = app.NewDbContext();
            (await db.Officers.SingleAsync(o => o.Id == officer)).UserId = user.Id;
            await db.SaveChangesAsync();
        }

        var patrol = await PatrolStartingInAsync(TimeSpan.FromHours(5), officer);
        using var smtp = new SmtpSink(); // offers no STARTTLS, as a server on the way could pretend
        await using var runnerScope = app.Factory.Services.CreateAsyncScope();
        var services = runnerScope.ServiceProvider;
        var runner = new PatrolReminderRunner(services.GetRequiredService<IDbContextFactory<AppDbContext>>(), TimeProvider.System,
            Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, From = "patrols@demo.local", UserName = "mailer", Password = "secret" }),
            services.GetRequiredService<IStringLocalizer<SharedResource>>(), services.GetRequiredService<IConfiguration>(), NullLogger<PatrolReminderRunner>.Instance);

        await runner.RunOnceAsync(CancellationToken.None);

        Assert.DoesNotContain("plain.test@demo.local", smtp.Recipients);
        Assert.DoesNotContain(smtp.Messages, m => m.Contains("plain.test@demo.local"));
        await using var check = app.NewDbContext();
        var notifications = await check.Notifications.Where(n => n.PatrolId == patrol).ToListAsync();
        Assert.NotEmpty(notifications); // in the app still, and e-mailed later once TLS works
        Assert.All(notifications, n => Assert.Null(n.EmailedAt));
    }

    private static string DecodeSubject(string message) =>
        MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(message))).Subject ?? "";

    /// <summary>Just enough of an SMTP server to accept messages on a local port and keep them.</summary>
    private sealed class SmtpSink : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();

        public SmtpSink()
        {
            _listener.Start();
            _ = Task.Run(AcceptAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
        public List<string> Recipients { get; } = [];
        public List<string> Messages { get; } = [];

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                await using var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.UTF8);
                await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 sink");
                while (await reader.ReadLineAsync() is { } line)
                {
                    var verb = line.Split(' ', ':')[0].ToUpperInvariant();
                    if (verb == "RCPT")
                    {
                        Recipients.Add(line[(line.IndexOf('<') + 1)..line.IndexOf('>')]);
                    }

                    if (verb == "DATA")
                    {
                        await writer.WriteLineAsync("354 go on");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine).Append("\r\n");
                        }

                        Messages.Add(data.ToString());
                    }

                    await writer.WriteLineAsync(verb switch
                    {
                        "EHLO" => "250 sink",
                        "DATA" => "250 queued",
                        "QUIT" => "221 bye",
                        _ => "250 ok",
                    });
                    if (verb == "QUIT")
                    {
                        break;
                    }
                }
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }
    }
}
