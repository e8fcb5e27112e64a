using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using CommunityPolicing.Web;
using CommunityPolicing.Web.Components;
using CommunityPolicing.Web.Components.Account;
using CommunityPolicing.Web.Components.Shared;
using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Data.EmbeddedPostgres;
using CommunityPolicing.Web.Data.Interceptors;
using CommunityPolicing.Web.Data.Seeding;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features;
using CommunityPolicing.Web.Features.Admin;
using CommunityPolicing.Web.Features.Analysis;
using CommunityPolicing.Web.Features.Appeals;
using CommunityPolicing.Web.Features.Associations;
using CommunityPolicing.Web.Features.BeatWork;
using CommunityPolicing.Web.Features.Dashboards;
using CommunityPolicing.Web.Features.Notifications;
using CommunityPolicing.Web.Features.Officers;
using CommunityPolicing.Web.Features.Open311;
using CommunityPolicing.Web.Features.Patrols;
using CommunityPolicing.Web.Features.PersonalData;
using CommunityPolicing.Web.Features.Precincts;
using CommunityPolicing.Web.Features.Prevention;
using CommunityPolicing.Web.Features.Public;
using CommunityPolicing.Web.Features.Reports;
using CommunityPolicing.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Services;
using Serilog;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Compact;

var builder = WebApplication.CreateBuilder(args);
Deployment.RequireNamedHosts(builder.Configuration, builder.Environment);
// The app's own logger rather than the static one, so several instances in one process (the tests) keep theirs apart.
builder.Host.UseSerilog((context, configuration) => configuration
    .ReadFrom.Configuration(context.Configuration)
    .Enrich.FromLogContext()
    // Last: tracking codes and calendar tokens leave no trace in a request path, whoever logged it.
    .Enrich.With<LogRedaction>()
    // Written on a background thread: a request does not wait for the console or the disk (docs/performance.md).
    .WriteTo.Async(sinks =>
    {
        sinks.Console();
        sinks.File(new CompactJsonFormatter(), Path.Combine(context.Configuration["Logging:Directory"] ?? "logs", "app-.json"),
            rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14);
    }), preserveStaticLogger: true);

// No connection string: run a private PostgreSQL cluster under .data/ for as long as the app runs.
var connectionString = builder.Configuration.GetConnectionString("Default");
EmbeddedPostgresCluster? embedded = null;
if (string.IsNullOrWhiteSpace(connectionString))
{
    embedded = await EmbeddedPostgresCluster.StartAsync(
        builder.Configuration["EmbeddedDatabase:DataDirectory"] ?? ".data/postgres",
        builder.Configuration.GetValue("EmbeddedDatabase:Port", 55432),
        "communitypolicing",
        new SerilogLoggerFactory(new LoggerConfiguration().WriteTo.Console().CreateLogger(), dispose: true)
            .CreateLogger<EmbeddedPostgresCluster>());
    connectionString = embedded.ConnectionString("communitypolicing");
}

var services = builder.Services;

// The first hosted service, so migrations run before anything else (Data Protection's key ring) reads the database.
services.AddHostedService<DatabaseInitializer>();
services.AddRazorComponents().AddInteractiveServerComponents();
services.AddMudServices();
services.AddLocalization();
services.AddTransient<MudLocalizer, MudTexts>(); // MudBlazor's own texts in the user's language
services.AddHttpContextAccessor();
services.AddSingleton(TimeProvider.System);

services.AddSingleton<AuditInterceptor>();
// Transient faults (the server restarting, a dropped connection) are retried: each query, each save as a unit
// (AppDbContext.SaveChangesAsync), and units with their own transaction wrapped in the strategy by their service.
var retryCount = builder.Configuration.GetValue("Database:RetryCount", 10);
var retryMaxDelay = TimeSpan.FromSeconds(builder.Configuration.GetValue("Database:RetryMaxDelaySeconds", 2.0));
services.AddSingleton(sp => new PooledDbContextFactory<AppDbContext>(new DbContextOptionsBuilder<AppDbContext>()
    .UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(retryCount, retryMaxDelay, null))
    .UseSnakeCaseNamingConvention()
    .UseApplicationServiceProvider(sp)
    .AddInterceptors(sp.GetRequiredService<AuditInterceptor>())
    .Options));
services.AddScoped<IDbContextFactory<AppDbContext>, ScopedDbContextFactory>();
services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
var keysProtected = Deployment.ProtectKeys(
    services.AddDataProtection().SetApplicationName("CommunityPolicing").PersistKeysToDbContext<AppDbContext>(), builder.Configuration);
// Its own connection with a 2-second limit and no retries: an outage answers 503 at once (DatabaseHealthCheck).
services.AddHealthChecks().Add(new HealthCheckRegistration("database", _ => new DatabaseHealthCheck(connectionString),
    HealthStatus.Unhealthy, [DatabaseHealthCheck.Tag], DatabaseHealthCheck.Limit));

services.AddCascadingAuthenticationState();
services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
services.AddAuthentication(options =>
    {
        options.DefaultScheme = IdentityConstants.ApplicationScheme;
        options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
    })
    .AddIdentityCookies();
services.Configure<SecurityStampValidatorOptions>(options =>
{
    // A new stamp (transfer, role, lock, coordinator taken off an association) refuses the cookie within a minute;
    // open circuits check as often (IdentityRevalidatingAuthenticationStateProvider.Interval).
    options.ValidationInterval = TimeSpan.FromMinutes(1);
    options.OnRefreshingPrincipal = SessionLimit.KeepSignInTime;
});
services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/Account/Login";
    options.AccessDeniedPath = "/Account/AccessDenied";
    options.ExpireTimeSpan = TimeSpan.FromMinutes(30);
    options.SlidingExpiration = true;
    options.Events.OnValidatePrincipal = async context =>
    {
        // Past the absolute limit the cookie is refused however recently it slid; otherwise Identity checks the stamp.
        if (context.Principal is { } principal && SessionLimit.IsOver(principal, context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    };
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
});
services.AddIdentityCore<ApplicationUser>(options =>
    {
        options.Password.RequiredLength = 12;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.User.RequireUniqueEmail = true;
    })
    .AddRoles<IdentityRole>()
    .AddClaimsPrincipalFactory<SessionClaimsFactory>()
    .AddPasswordValidator<CommonPasswordValidator>()
    .AddErrorDescriber<LocalizedIdentityErrors>()
    .AddEntityFrameworkStores<AppDbContext>()
    .AddSignInManager()
    .AddDefaultTokenProviders();
services.AddAuthorization(Policies.Configure);

// OWASP's figure for PBKDF2-HMAC-SHA512, the hash Identity v3 uses.
services.Configure<PasswordHasherOptions>(options => options.IterationCount = 210_000);

// The client's address as the nearest known proxy saw it (ClientAddress); rate limits count by it.
services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>(ClientAddress.ForwardedHeaders);
services.AddSingleton<SignInLimiter>();
services.AddSingleton<PublicSubmissionLimiter>();
services.AddRateLimiter(options =>
{
    // The flood ceiling of public posts (portal, tracking form, Open311): a fixed window per client address; page views
    // are free. The portal counts accepted appeals itself, lower, and answers with the form (PublicSubmissionLimiter).
    var permits = builder.Configuration.GetValue(PublicLimits.Setting, 60);
    options.AddPolicy(PublicLimits.Policy, context => HttpMethods.IsGet(context.Request.Method)
        ? RateLimitPartition.GetNoLimiter("views")
        : RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Bucket(context),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(10) }));
    options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    options.OnRejected = (context, ct) =>
    {
        var http = context.HttpContext;
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>()["Public.TooMany"].Value;
        if (!http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
        {
            return new ValueTask(http.Response.WriteAsync(text, ct)); // an API client (Open311)
        }

        // A browser gets a page that reads on a phone, in the visitor's language.
        var line = WebUtility.HtmlEncode(text);
        http.Response.ContentType = "text/html; charset=utf-8";
        return new ValueTask(http.Response.WriteAsync(
            $"""<!DOCTYPE html><html lang="{CultureInfo.CurrentUICulture.Name}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{line}</title></head><body style="font: 1rem/1.5 system-ui, sans-serif; margin: 2rem"><p>{line}</p></body></html>""",
            ct));
    };
});

services.AddSingleton<TwoFactorRequirement>();
// A request whose parameters do not bind (a NUL in a form field, a date that is no date) gets a plain 400, in
// Development too: the developer page would answer it with the exception and its stack trace.
services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);

services.AddScoped<PrincipalAccessor>();
services.AddScoped<CurrentUser>();
services.AddScoped<DepartmentZones>();
services.AddScoped<AuditLog>();
services.AddScoped<DemoSeeder>();
services.AddScoped<PrecinctService>();
services.AddScoped<OfficerService>();
services.AddScoped<UserAdminService>();
services.AddScoped<AuditService>();
services.AddScoped<AppealService>();
services.AddScoped<ReferenceDataService>();
services.AddScoped<AssociationService>();
services.Configure<PatrolLimits>(builder.Configuration.GetSection("Patrols"));
services.AddMemoryCache();
services.Configure<DashboardOptions>(builder.Configuration.GetSection("Dashboards"));
services.AddScoped<PatrolService>();
services.AddScoped<CalendarFeedService>();
services.Configure<SmtpOptions>(builder.Configuration.GetSection("Smtp"));
services.AddScoped<PatrolReminderRunner>();
services.AddScoped<NotificationService>();
services.AddScoped<BeatWorkService>();
services.AddScoped<PreventionService>();
services.AddScoped<RecordService>();
services.AddScoped<AnalysisService>();
services.AddScoped<DashboardService>();
services.AddScoped<OfficerDashboardService>();
services.AddScoped<QuarterReportService>();
if (builder.Configuration.GetValue("Patrols:Reminders", true))
{
    services.AddHostedService<PatrolReminders>();
}

services.Configure<RetentionOptions>(builder.Configuration.GetSection("Retention"));
services.AddScoped<AppealRetentionRunner>();
services.AddScoped<PersonalDataService>();
if (builder.Configuration.GetValue("Retention:Enabled", true))
{
    services.AddHostedService<AppealRetention>();
}

var app = builder.Build();
if (!keysProtected && !app.Environment.IsDevelopment())
{
    app.Logger.LogWarning(Deployment.UnprotectedKeysWarning);
}

if (embedded is not null)
{
    app.Lifetime.ApplicationStopped.Register(() => embedded.StopAsync().GetAwaiter().GetResult());
}

app.UseForwardedHeaders(); // first: everything after sees the real client and scheme
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
app.UseRequestLocalization(Cultures.LocalizationOptions(app.Configuration));

// Routing and authorization after the status-code pages, so a 404 re-executed as /not-found is routed and authorized
// again (with the implicit routing at the start of the pipeline, /missing.txt became a 500: no authorization middleware).
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();
app.UseTwoFactorGate();

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAccountEndpoints();
app.MapOpen311();
var downloads = app.MapDownloads(); // Cache-Control: no-store on every file handed out
downloads.MapAppealExports();
downloads.MapAppealAttachments();
downloads.MapRosterExports();
downloads.MapHoursExports();
downloads.MapPatrolExports();
downloads.MapCalendarFeeds();
downloads.MapRecordExports();
downloads.MapDashboardExports();
downloads.MapQuarterReportExports();
downloads.MapPersonExport();
// /health and /health/ready: PostgreSQL answers; /health/live: the process runs (no database asked).
app.MapHealthChecks("/health");
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(DatabaseHealthCheck.Tag) });
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
