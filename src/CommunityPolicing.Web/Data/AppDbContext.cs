using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.Web.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Precinct> Precincts => Set<Precinct>();
    public DbSet<EquipmentItem> EquipmentItems => Set<EquipmentItem>();
    public DbSet<Beat> Beats => Set<Beat>();
    public DbSet<Officer> Officers => Set<Officer>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Appeal> Appeals => Set<Appeal>();
    public DbSet<AppealEvent> AppealEvents => Set<AppealEvent>();
    public DbSet<AppealCategory> AppealCategories => Set<AppealCategory>();
    public DbSet<AppealAttachment> AppealAttachments => Set<AppealAttachment>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<Association> Associations => Set<Association>();
    public DbSet<AssociationCoordinator> AssociationCoordinators => Set<AssociationCoordinator>();
    public DbSet<Volunteer> Volunteers => Set<Volunteer>();
    public DbSet<TrainingTopicRule> TrainingTopicRules => Set<TrainingTopicRule>();
    public DbSet<TrainingSession> TrainingSessions => Set<TrainingSession>();
    public DbSet<TrainingAttendance> TrainingAttendance => Set<TrainingAttendance>();
    public DbSet<AssociationMonthPlan> AssociationMonthPlans => Set<AssociationMonthPlan>();
    public DbSet<Patrol> Patrols => Set<Patrol>();
    public DbSet<PatrolParticipant> PatrolParticipants => Set<PatrolParticipant>();
    public DbSet<PatrolOffence> PatrolOffences => Set<PatrolOffence>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<BeatPlace> BeatPlaces => Set<BeatPlace>();
    public DbSet<BeatContact> BeatContacts => Set<BeatContact>();
    public DbSet<LogEntry> LogEntries => Set<LogEntry>();
    public DbSet<PreventionActivity> PreventionActivities => Set<PreventionActivity>();
    public DbSet<PreventiveRecord> PreventiveRecords => Set<PreventiveRecord>();
    public DbSet<RecordCheck> RecordChecks => Set<RecordCheck>();
    public DbSet<JointMeeting> JointMeetings => Set<JointMeeting>();
    public DbSet<AgreedAction> AgreedActions => Set<AgreedAction>();
    public DbSet<Briefing> Briefings => Set<Briefing>();
    public DbSet<DeadlineRule> DeadlineRules => Set<DeadlineRule>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public const string AppealNumberSequence = "appeal_numbers";

    /// <summary>Whose changes this context saves, for the audit trail; set while the context is lent to a scope.</summary>
    internal PrincipalAccessor? Actor { get; set; }

    // A pooled context goes back to the pool on dispose: it must not keep the last scope (a whole circuit) alive.
    public override void Dispose()
    {
        Actor = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Actor = null;
        return base.DisposeAsync();
    }

    /// <summary>
    /// A save outside any transaction runs under the retrying execution strategy as one unit (the AuditInterceptor
    /// opens its own transaction for the row and its audit entries, which EF allows only inside the strategy).
    /// A retry is safe only while the changes are still pending: once EF accepted them, the connection broke after
    /// the rows were sent and whether they committed is unknown, so the user is told to try again instead.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var strategy = Database.CreateExecutionStrategy();
        if (Database.CurrentTransaction is not null || !strategy.RetriesOnFailure)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var attempt = 0;
        return await strategy.ExecuteAsync(async token =>
        {
            if (attempt++ > 0)
            {
                // Audit rows added by the failed attempt: this attempt writes its own.
                foreach (var entry in ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList())
                {
                    entry.State = EntityState.Detached;
                }

                if (!ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
                {
                    throw new DatabaseUnavailableException("The connection failed while a save was being committed; its outcome is unknown.");
                }
            }

            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, token);
        }, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        builder.HasPostgresExtension("btree_gin"); // plain columns in GIN indexes beside tsvectors

        // Appeal registration numbers: unique and gap-tolerant, without locking a counter row.
        builder.HasSequence<long>(AppealNumberSequence);
    }
}
