using System.Diagnostics;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace CommunityPolicing.DataGen;

/// <summary>
/// Fills an empty, migrated database with a generated country through binary COPY. The big tables are loaded with
/// their secondary indexes dropped and rebuilt afterwards, and without per-row foreign-key triggers
/// (session_replication_role = replica): the data is consistent by construction, and rebuilding an index once is
/// far cheaper than updating it a million times.
/// </summary>
public sealed class Generator(NpgsqlDataSource source, Scale scale, int seed, DateTimeOffset now, TextWriter log)
{
    /// <summary>Every generated account signs in with this password (documented in docs/performance.md).</summary>
    public const string Password = "Perf-Passw0rd!";

    public const string EmailDomain = "perf.local";

    private static readonly string[] BigTables = ["appeals", "patrols", "patrol_participants", "patrol_beats", "prevention_activities"];

    public async Task RunAsync(CancellationToken ct = default)
    {
        var organisation = Timed("organisation in memory", () => Organisation.Build(scale, seed));
        var activity = new Activity(organisation, seed, now);

        var indexes = await DropIndexesAsync(ct);
        await TimedAsync("organisation and accounts", () => OrganisationAsync(organisation, ct));
        // Two loaders at once: this machine has two cores, and each COPY keeps one server process busy.
        await Task.WhenAll(
            TimedAsync($"{scale.Appeals:N0} appeals", () => AppealsAsync(activity.Appeals(scale.Appeals), ct)),
            TimedAsync($"{scale.Patrols:N0} patrols, {scale.PreventionActivities:N0} prevention activities", async () =>
            {
                await PatrolsAsync(activity.Patrols(scale.Patrols), ct);
                await PreventionAsync(activity.Prevention(scale.PreventionActivities), ct);
            }));
        await TimedAsync($"{indexes.Count} indexes rebuilt", () => RebuildIndexesAsync(indexes, ct));
        await TimedAsync("sequences, vacuum and statistics", () => FinishAsync(ct));
    }

    private async Task OrganisationAsync(Organisation o, CancellationToken ct)
    {
        await Copy.IntoAsync(source, "regions", "id, name", Enumerable.Range(1, scale.Regions), (w, id) =>
        {
            w.Int(id);
            w.Text(Names.Regions[(id - 1) % Names.Regions.Length] + (id > Names.Regions.Length ? $" {id}" : ""));
        }, ct);
        await Copy.IntoAsync(source, "departments", "id, region_id, name, jurisdiction, time_zone_id", o.Departments, (w, d) =>
        {
            w.Int(d.Id);
            w.Int(d.RegionId);
            w.Text(d.Name);
            w.Text(nameof(Jurisdiction.Kazakhstan));
            w.Text(d.Zone.Id);
        }, ct);
        await Copy.IntoAsync(source, "precincts",
            "id, department_id, number, name, address, latitude, longitude, kind, status, opened_on, round_the_clock, reception_hours, authorised_posts",
            o.Posts, (w, p) =>
            {
                w.Int(p.Id);
                w.Int(p.Department.Id);
                w.Text(p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.Text($"District police post No. {p.Number}");
                w.Text($"{p.Department.Town}, {Names.Streets[p.Id % Names.Streets.Length]} st. {p.Id % 97 + 1}");
                w.Double(p.Lat);
                w.Double(p.Lon);
                w.Text((p.Id % 4 == 0 ? PrecinctKind.Modular : PrecinctKind.Stationary).ToString());
                w.Text(p.Status.ToString());
                w.Date(p.Status == PrecinctStatus.Operating ? new DateOnly(2015 + p.Id % 10, 1 + p.Id % 12, 1) : null);
                w.Bool(p.Id % 10 == 0);
                w.Text("Mon–Fri 09:00–18:00, Sat 09:00–13:00");
                w.Int(p.Officers.Count + (p.Id % 3 == 0 ? 1 : 0)); // one post in three has a vacancy
            }, ct);
        await Copy.IntoAsync(source, "equipment_items", "precinct_id, kind, planned, installed",
            o.Posts.SelectMany(p => Enum.GetValues<EquipmentKind>().Select(k => (Post: p, Kind: k))), (w, e) =>
            {
                w.Int(e.Post.Id);
                w.Text(e.Kind.ToString());
                w.Int(e.Kind == EquipmentKind.CctvCamera ? 4 : 1);
                w.Int(e.Post.Id % 5 == 0 ? 0 : e.Kind == EquipmentKind.CctvCamera ? 3 : 1);
            }, ct);
        await Copy.IntoAsync(source, "officers", "id, precinct_id, full_name, rank, badge_number, position, lives_on_beat, phone, user_id",
            o.Officers, (w, officer) =>
            {
                w.Int(officer.Id);
                w.Int(officer.Post.Id);
                w.Text(officer.FullName);
                w.Text(Names.Ranks[officer.Id % Names.Ranks.Length]);
                w.Text($"KZ{officer.Id:D7}");
                w.Text(officer.Position.ToString());
                w.Bool(officer.Id % 4 == 0);
                w.Text($"+7 701 {officer.Id % 1000:D3} {officer.Id % 10000:D4}");
                w.Text(UserId('o', officer.Id));
            }, ct);
        await Copy.IntoAsync(source, "beats", "id, precinct_id, name, population, households, officer_id, officer_assigned_on", o.Beats, (w, b) =>
        {
            w.Int(b.Id);
            w.Int(b.Post.Id);
            w.Text($"Beat No. {b.Number}");
            w.Int(b.Population);
            w.Int(b.Population / 3);
            w.Int(b.Officer?.Id);
            w.Date(b.Officer is null ? null : DateOnly.FromDateTime(now.UtcDateTime).AddDays(-(b.Id % 700)));
        }, ct);
        await Copy.IntoAsync(source, "associations", "id, department_id, kind, name, register_number, registered_on, status, phone, address",
            o.Associations, (w, a) =>
            {
                w.Int(a.Id);
                w.Int(a.Department.Id);
                w.Text((a.Id % 3 == 0 ? AssociationKind.InteractionGroup : AssociationKind.PeoplesGuard).ToString());
                w.Text($"People's guard \"{Names.Streets[a.Id % Names.Streets.Length]}\" No. {a.Id}");
                w.Text($"PG-{a.Id:D5}");
                w.Date(new DateOnly(2018 + a.Id % 7, 1 + a.Id % 12, 1));
                w.Text(nameof(AssociationStatus.Active));
                w.Text($"+7 702 {a.Id % 1000:D3} {a.Id % 10000:D4}");
                w.Text($"{a.Department.Town}, {Names.Streets[a.Id % Names.Streets.Length]} st. {a.Id % 50 + 1}");
            }, ct);
        await Copy.IntoAsync(source, "association_precincts", "association_id, precincts_id",
            o.Associations.SelectMany(a => a.Posts.Select(p => (a.Id, PostId: p.Id))), (w, ap) =>
            {
                w.Int(ap.Id);
                w.Int(ap.PostId);
            }, ct);
        var random = new Random(seed * 31 + 4);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await Copy.IntoAsync(source, "volunteers",
            "id, association_id, full_name, birth_date, phone, address, document_number, badge_number, joined_on, status, background_check_on, background_check_passed, consent_on",
            o.Associations.SelectMany(a => a.Volunteers.Select(v => (Association: a, Id: v))), (w, v) =>
            {
                var joined = today.AddDays(-random.Next(60, 2_000));
                w.Int(v.Id);
                w.Int(v.Association.Id);
                w.Text(Names.Person(random));
                w.Date(new DateOnly(1962 + random.Next(42), 1 + random.Next(12), 1 + random.Next(28)));
                w.Text(Names.Phone(random));
                w.Text(Names.Address(random, v.Association.Department.Town));
                w.Text($"N{v.Id:D9}");
                w.Text($"V-{v.Id:D6}");
                w.Date(joined);
                w.Text((random.Next(100) < 90 ? VolunteerStatus.Active : VolunteerStatus.Suspended).ToString());
                w.Date(joined.AddDays(-20));
                w.Bool(true);
                w.Date(joined.AddDays(-30));
            }, ct);
        await AccountsAsync(o, ct);
    }

    /// <summary>An administrator, a chief per department, an account per officer, a coordinator per association.</summary>
    private async Task AccountsAsync(Organisation o, CancellationToken ct)
    {
        await using (var roles = source.CreateCommand("""
            INSERT INTO "AspNetRoles" (id, name, normalized_name, concurrency_stamp)
            SELECT lower(r), r, upper(r), lower(r) FROM unnest(@roles) AS r
            WHERE NOT EXISTS (SELECT 1 FROM "AspNetRoles" x WHERE x.normalized_name = upper(r))
            """))
        {
            roles.Parameters.AddWithValue("roles", Roles.All);
            await roles.ExecuteNonQueryAsync(ct);
        }

        var hash = new PasswordHasher<ApplicationUser>(Options.Create(new PasswordHasherOptions { IterationCount = 210_000 }))
            .HashPassword(new ApplicationUser(), Password);
        IEnumerable<(string Id, string Email, string Name, int? Department, int? Post, string Role)> Accounts()
        {
            yield return (UserId('a', 1), $"admin@{EmailDomain}", "System administrator", null, null, Roles.Administrator);
            foreach (var d in o.Departments)
            {
                yield return (UserId('c', d.Id), $"chief.{d.Id}@{EmailDomain}", $"Chief of {d.Name}", d.Id, null, Roles.StationChief);
            }

            foreach (var officer in o.Officers)
            {
                yield return (UserId('o', officer.Id), $"officer.{officer.Id}@{EmailDomain}", officer.FullName, null, officer.Post.Id, Roles.DistrictOfficer);
            }

            foreach (var a in o.Associations)
            {
                yield return (UserId('v', a.Id), $"coordinator.{a.Id}@{EmailDomain}", $"Coordinator of association {a.Id}", null, null, Roles.VolunteerCoordinator);
            }
        }

        await Copy.IntoAsync(source, "\"AspNetUsers\"",
            "id, full_name, department_id, precinct_id, user_name, normalized_user_name, email, normalized_email, email_confirmed, password_hash, " +
            "security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count",
            Accounts(), (w, u) =>
            {
                w.Text(u.Id);
                w.Text(u.Name);
                w.Int(u.Department);
                w.Int(u.Post);
                w.Text(u.Email);
                w.Text(u.Email.ToUpperInvariant());
                w.Text(u.Email);
                w.Text(u.Email.ToUpperInvariant());
                w.Bool(true);
                w.Write(hash, NpgsqlDbType.Text);
                w.Write(u.Id.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant(), NpgsqlDbType.Text);
                w.Write(u.Id, NpgsqlDbType.Text);
                w.Bool(false);
                w.Bool(false);
                w.Bool(true);
                w.Int(0);
            }, ct);
        await using (var memberships = source.CreateCommand("""
            INSERT INTO "AspNetUserRoles" (user_id, role_id)
            SELECT u.id, r.id FROM "AspNetUsers" u JOIN "AspNetRoles" r ON r.normalized_name = CASE
                WHEN u.department_id IS NOT NULL THEN upper(@chief) WHEN u.precinct_id IS NOT NULL THEN upper(@officer)
                WHEN u.email LIKE 'coordinator.%' THEN upper(@coordinator) ELSE upper(@admin) END
            WHERE u.email LIKE '%@' || @domain
            """))
        {
            memberships.Parameters.AddWithValue("chief", Roles.StationChief);
            memberships.Parameters.AddWithValue("officer", Roles.DistrictOfficer);
            memberships.Parameters.AddWithValue("coordinator", Roles.VolunteerCoordinator);
            memberships.Parameters.AddWithValue("admin", Roles.Administrator);
            memberships.Parameters.AddWithValue("domain", EmailDomain);
            await memberships.ExecuteNonQueryAsync(ct);
        }

        await Copy.IntoAsync(source, "association_coordinators", "association_id, user_id", o.Associations, (w, a) =>
        {
            w.Int(a.Id);
            w.Text(UserId('v', a.Id));
        }, ct);
    }

    public static string AppealColumns =>
        "registration_number, tracking_code, department_id, precinct_id, beat_id, assigned_officer_id, category_id, channel, status, " +
        "is_anonymous, applicant_name, applicant_phone, applicant_email, applicant_address, publish_details, description, address, latitude, " +
        "longitude, registered_at, original_due_date, due_date, extensions, answer, answered_at, closed_at, redirected_to, redirected_at, rating, rated_at";

    public Task<long> AppealsAsync(IEnumerable<Appeal> appeals, CancellationToken ct) =>
        Copy.IntoAsync(source, "appeals", AppealColumns, appeals, (w, a) =>
        {
            w.Text(a.RegistrationNumber);
            w.Text(a.TrackingCode);
            w.Int(a.DepartmentId);
            w.Int(a.PrecinctId);
            w.Int(a.BeatId);
            w.Int(a.AssignedOfficerId);
            w.Int(a.CategoryId);
            w.Text(a.Channel.ToString());
            w.Text(a.Status.ToString());
            w.Bool(a.IsAnonymous);
            w.Text(a.ApplicantName);
            w.Text(a.ApplicantPhone);
            w.Text(a.ApplicantEmail);
            w.Text(a.ApplicantAddress);
            w.Bool(a.PublishDetails);
            w.Text(a.Description);
            w.Text(a.Address);
            w.Double(a.Latitude);
            w.Double(a.Longitude);
            w.Instant(a.RegisteredAt);
            w.Date(a.OriginalDueDate);
            w.Date(a.DueDate);
            w.Int(a.Extensions);
            w.Text(a.Answer);
            w.Instant(a.AnsweredAt);
            w.Instant(a.ClosedAt);
            w.Text(a.RedirectedTo);
            w.Instant(a.RedirectedAt);
            w.Int(a.Rating);
            w.Instant(a.RatedAt);
        }, ct);

    private async Task PatrolsAsync(IEnumerable<PatrolRow> patrols, CancellationToken ct)
    {
        // Patrols first with their ids; participants and beats are kept for their own COPY.
        var participants = new List<(int Patrol, PatrolParticipant Participant)>(scale.Patrols * 4);
        var beats = new List<(int Patrol, int Beat)>(scale.Patrols * 2);
        var id = 0;
        await Copy.IntoAsync(source, "patrols",
            "id, department_id, precinct_id, association_id, date, starts_at, ends_at, meeting_point, route, status, cancel_reason, " +
            "actual_start, actual_end, incidents, persons_handed_over, reported_at",
            patrols, (w, row) =>
            {
                var p = row.Patrol;
                id++;
                participants.AddRange(p.Participants.Select(x => (id, x)));
                beats.AddRange(row.Beats.Select(b => (id, b.Id)));
                w.Int(id);
                w.Int(p.DepartmentId);
                w.Int(p.PrecinctId);
                w.Int(p.AssociationId);
                w.Date(p.Date);
                w.Instant(p.StartsAt);
                w.Instant(p.EndsAt);
                w.Text(p.MeetingPoint);
                w.Text(p.Route);
                w.Text(p.Status.ToString());
                w.Text(p.CancelReason);
                w.Instant(p.ActualStart);
                w.Instant(p.ActualEnd);
                w.Int(p.Incidents);
                w.Int(p.PersonsHandedOver);
                w.Instant(p.ReportedAt);
            }, ct);
        await Copy.IntoAsync(source, "patrol_participants", "patrol_id, officer_id, volunteer_id, response, present, hours", participants, (w, x) =>
        {
            w.Int(x.Patrol);
            w.Int(x.Participant.OfficerId);
            w.Int(x.Participant.VolunteerId);
            w.Text(x.Participant.Response.ToString());
            w.Bool(x.Participant.Present);
            w.Write(x.Participant.Hours, NpgsqlDbType.Numeric);
        }, ct);
        await Copy.IntoAsync(source, "patrol_beats", "patrol_id, beats_id", beats, (w, x) =>
        {
            w.Int(x.Patrol);
            w.Int(x.Beat);
        }, ct);
    }

    private Task<long> PreventionAsync(IEnumerable<PreventionActivity> activities, CancellationToken ct) =>
        Copy.IntoAsync(source, "prevention_activities",
            "department_id, precinct_id, beat_id, type, title, planned_on, done_on, responsible_officer_id, target_group, attendance, outcome",
            activities, (w, a) =>
            {
                w.Int(a.DepartmentId);
                w.Int(a.PrecinctId);
                w.Int(a.BeatId);
                w.Text(a.Type.ToString());
                w.Text(a.Title);
                w.Date(a.PlannedOn);
                w.Date(a.DoneOn);
                w.Int(a.ResponsibleOfficerId);
                w.Text(a.TargetGroup);
                w.Int(a.Attendance);
                w.Text(a.Outcome);
            }, ct);

    private async Task<List<string>> DropIndexesAsync(CancellationToken ct)
    {
        var definitions = new List<string>();
        await using var connection = await source.OpenConnectionAsync(ct);
        await using (var query = new NpgsqlCommand("""
            SELECT pg_get_indexdef(i.indexrelid), i.indexrelid::regclass::text
            FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
            WHERE t.relname = ANY(@tables) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            """, connection))
        {
            query.Parameters.AddWithValue("tables", BigTables);
            await using var reader = await query.ExecuteReaderAsync(ct);
            var names = new List<string>();
            while (await reader.ReadAsync(ct))
            {
                definitions.Add(reader.GetString(0));
                names.Add(reader.GetString(1));
            }

            await reader.CloseAsync();
            foreach (var name in names)
            {
                await using var drop = new NpgsqlCommand($"DROP INDEX {name}", connection);
                await drop.ExecuteNonQueryAsync(ct);
            }
        }

        return definitions;
    }

    private async Task RebuildIndexesAsync(IReadOnlyList<string> definitions, CancellationToken ct)
    {
        var queue = new Queue<string>(definitions.OrderByDescending(d => d.Contains("gin", StringComparison.OrdinalIgnoreCase)));
        async Task Worker()
        {
            await using var connection = await source.OpenConnectionAsync(ct);
            await using (var memory = new NpgsqlCommand("SET maintenance_work_mem = '512MB'", connection))
            {
                await memory.ExecuteNonQueryAsync(ct);
            }

            while (true)
            {
                string? next;
                lock (queue)
                {
                    queue.TryDequeue(out next);
                }

                if (next is null)
                {
                    return;
                }

                await using var create = new NpgsqlCommand(next, connection) { CommandTimeout = 0 };
                await create.ExecuteNonQueryAsync(ct);
            }
        }

        await Task.WhenAll(Worker(), Worker());
    }

    private async Task FinishAsync(CancellationToken ct)
    {
        await using var connection = await source.OpenConnectionAsync(ct);
        // Explicit ids were copied for the organisation and patrols: move the identity sequences past them.
        foreach (var table in new[] { "regions", "departments", "precincts", "beats", "officers", "associations", "volunteers", "patrols" })
        {
            await using var sequence = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), greatest((SELECT max(id) FROM {table}), 1))", connection);
            await sequence.ExecuteNonQueryAsync(ct);
        }

        await using (var numbers = new NpgsqlCommand("SELECT setval('appeal_numbers', greatest((SELECT count(*) FROM appeals), 1))", connection))
        {
            await numbers.ExecuteNonQueryAsync(ct);
        }

        await using var vacuum = new NpgsqlCommand("VACUUM (ANALYZE)", connection) { CommandTimeout = 0 };
        await vacuum.ExecuteNonQueryAsync(ct);
    }

    internal static string UserId(char kind, int id) => $"00000000-0000-0000-{(int)kind:X4}-{id:D12}";

    private T Timed<T>(string what, Func<T> step)
    {
        var watch = Stopwatch.StartNew();
        var result = step();
        log.WriteLine($"  {watch.Elapsed.TotalSeconds,6:F1} s  {what}");
        return result;
    }

    private async Task TimedAsync(string what, Func<Task> step)
    {
        var watch = Stopwatch.StartNew();
        await step();
        log.WriteLine($"  {watch.Elapsed.TotalSeconds,6:F1} s  {what}");
    }
}
