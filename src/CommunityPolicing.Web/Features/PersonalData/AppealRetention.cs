using System.Text.Json;
using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommunityPolicing.Web.Features.PersonalData;

/// <summary>Personal data retention (section "Retention").</summary>
public sealed class RetentionOptions
{
    /// <summary>Run the scheduled job; tests turn it off and call the runner themselves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Days after an appeal was finished (answered, closed or redirected) before its applicant's data is cleared.</summary>
    public int AnonymiseClosedAppealsAfterDays { get; set; } = 1825;

    /// <summary>Appeals cleared per transaction, so one run never holds many row locks for long.</summary>
    public int BatchSize { get; set; } = 500;
}

/// <summary>
/// Clears the applicant's personal data from appeals finished longer ago than the retention period, in set-based
/// batches in SQL. Kept for statistics: department, post, beat, officer, category, channel, status, dates, due dates,
/// extensions, rating, the public status note and the timeline's steps. Cleared: the applicant's name, phone, e-mail
/// and address, and every free text a citizen or an officer wrote about the case (description, incident address and
/// coordinates, answer, rating comment, timeline notes), since such text routinely names people; attachments (photos
/// and scans of faces and documents) are deleted. Each batch locks its rows with SKIP LOCKED and is marked by
/// AnonymisedAt, so several app instances never clear the same appeal twice and a rerun finds nothing to do.
/// The audit trail keeps its own history (it is append-only); each batch adds one row with the count.
/// </summary>
public sealed class AppealRetentionRunner(IDbContextFactory<AppDbContext> factory, TimeProvider clock, IOptions<RetentionOptions> options,
    ILogger<AppealRetentionRunner> logger)
{
    public const string SystemUser = "system:retention";

    /// <summary>The statuses in which an appeal is finished: nothing more is owed to the applicant.</summary>
    public static readonly AppealStatus[] Finished = [AppealStatus.Answered, AppealStatus.Closed, AppealStatus.Redirected];

    /// <summary>Anonymises every appeal due; returns how many were anonymised.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var cutoff = now.AddDays(-Math.Max(1, options.Value.AnonymiseClosedAppealsAfterDays));
        var batch = Math.Max(1, options.Value.BatchSize);
        var total = 0;
        while (true)
        {
            var done = await BatchAsync(now, cutoff, batch, ct);
            total += done;
            if (done < batch)
            {
                break;
            }
        }

        if (total > 0)
        {
            logger.LogInformation("Retention: personal data removed from {Count} appeals finished before {Cutoff:u}", total, cutoff);
        }

        return total;
    }

    /// <summary>One batch in one transaction; a transient fault retries it whole (it is set-based, so safe to repeat).</summary>
    private async Task<int> BatchAsync(DateTimeOffset now, DateTimeOffset cutoff, int batch, CancellationToken ct)
    {
        await using var outer = await factory.CreateDbContextAsync(ct);
        return await outer.Database.CreateExecutionStrategy().ExecuteAsync(() => BatchOnceAsync(now, cutoff, batch, ct));
    }

    private async Task<int> BatchOnceAsync(DateTimeOffset now, DateTimeOffset cutoff, int batch, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();

        // The last thing that happened to a finished appeal starts the period (a late rating or closing restarts it).
        await using var command = new NpgsqlCommand("""
            WITH due AS (
                SELECT id FROM appeals
                WHERE anonymised_at IS NULL AND status = ANY(@finished)
                  AND GREATEST(answered_at, closed_at, redirected_at, rated_at) < @cutoff
                ORDER BY id LIMIT @batch
                FOR UPDATE SKIP LOCKED),
            files AS (DELETE FROM appeal_attachments WHERE appeal_id IN (SELECT id FROM due)),
            notes AS (UPDATE appeal_events SET note = NULL WHERE appeal_id IN (SELECT id FROM due) AND note IS NOT NULL)
            UPDATE appeals a SET
                applicant_name = NULL, applicant_phone = NULL, applicant_email = NULL, applicant_address = NULL,
                description = '', address = NULL, latitude = NULL, longitude = NULL, publish_details = FALSE,
                answer = NULL, rating_comment = NULL, anonymised_at = @now
            FROM due WHERE a.id = due.id
            RETURNING a.registration_number
            """, connection, (NpgsqlTransaction)transaction.GetDbTransaction());
        command.Parameters.AddWithValue("finished", Finished.Select(s => s.ToString()).ToArray());
        command.Parameters.AddWithValue("cutoff", cutoff);
        command.Parameters.AddWithValue("batch", batch);
        command.Parameters.AddWithValue("now", now);
        var numbers = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                numbers.Add(reader.GetString(0));
            }
        }

        if (numbers.Count > 0)
        {
            // Raw SQL bypasses the audit interceptor (which would copy the very data being removed into the trail):
            // one row says what was done, with registration numbers, which are not personal data.
            db.AuditEntries.Add(new AuditEntry
            {
                At = now,
                UserName = SystemUser,
                Action = AuditActions.Anonymise,
                EntityType = nameof(Appeal),
                NewValues = JsonSerializer.Serialize(new { count = numbers.Count, finishedBefore = cutoff, appeals = numbers.Order() }),
            });
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return numbers.Count;
    }
}

/// <summary>Runs the retention job at start-up and then every hour (Retention:Enabled).</summary>
public sealed class AppealRetention(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AppealRetention> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AppealRetentionRunner>().RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Personal data retention failed; retrying in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
