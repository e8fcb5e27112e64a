using System.Globalization;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.Web.Data.Seeding;

/// <summary>
/// Deterministic demo data for Zhambyl region (Taraz), after the press texts in shared/seeds:
/// posts No. 17 (Dulati university) and No. 30 (15th microdistrict), about 38% of district-officer
/// posts vacant, some officers not living on their beat, posts planned and under construction; and a Tajik
/// department (<see cref="DemoIstaravshan"/>).
/// </summary>
public sealed class DemoSeeder(IDbContextFactory<AppDbContext> factory, UserManager<ApplicationUser> users, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public const string Password = "Demo-Passw0rd!";
    public const string NormalizedDomain = "@DEMO.LOCAL";

    public static readonly (string Email, string Role)[] Accounts =
    [
        ("admin@demo.local", Roles.Administrator),
        ("chief.taraz@demo.local", Roles.StationChief),
        ("officer.17@demo.local", Roles.DistrictOfficer),
        ("officer.30@demo.local", Roles.DistrictOfficer),
        ("coordinator@demo.local", Roles.VolunteerCoordinator),
        (DemoIstaravshan.Chief, Roles.StationChief),
    ];

    /// <summary>A demo region's local colour: officers' names as written there, ranks, badges, phones, streets, beat names.</summary>
    internal sealed record Locality(string[] Surnames, string[] GivenNames, string[] Patronymics, string[] Ranks, string BadgePrefix,
        string PhonePrefix, string[] Streets, string BeatName, string ReceptionHours);

    private static readonly Locality Zhambyl = new(
        ["Абдрахманов", "Жумабаев", "Сейткали", "Нурланов", "Исаев", "Бекмуратов", "Ким", "Оспанов", "Тулегенов",
            "Кузнецов", "Байжанов", "Мамыров", "Садыков", "Ахметов", "Петренко", "Есенов", "Калиев", "Омаров",
            "Рахимов", "Сулейменов", "Иванов", "Токтаров", "Жаксылыков", "Мусин"],
        ["Ерлан", "Нурлан", "Асхат", "Данияр", "Бауыржан", "Максат", "Дмитрий", "Ержан", "Серик", "Алексей",
            "Талгат", "Арман", "Руслан", "Жандос", "Айдос", "Олжас", "Санжар", "Виктор"],
        ["Болатович", "Серикович", "Маратович", "Кайратович", "Ерланович", "Сергеевич", "Нурланович", "Асанович"],
        ["лейтенант полиции", "старший лейтенант полиции", "капитан полиции", "майор полиции"],
        "ZHM", "+7 701",
        ["ул. Толе би", "пр. Жамбыла", "ул. Сулейманова", "ул. Абая", "ул. Казыбек би", "ул. Байзак батыра",
            "ул. Айтиева", "ул. Рысбек батыра", "ул. Желтоксан", "пр. Абая"],
        "Участок № {0}-{1}", "Пн–Пт 17:00–20:00");

    internal sealed record PostSeed(string Number, string Name, string Address, PrecinctKind Kind, PrecinctStatus Status,
        int Authorised, int Beats, double Lat, double Lon);

    private static readonly PostSeed[] TarazPosts =
    [
        new("17", "УПП № 17 (ТарРУ им. М.Х. Дулати)", "г. Тараз, ул. Сулейманова, 7", PrecinctKind.Stationary, PrecinctStatus.Operating, 4, 4, 42.8987, 71.3787),
        new("30", "УПП № 30 (15 микрорайон)", "г. Тараз, 15 микрорайон, 22А", PrecinctKind.Modular, PrecinctStatus.Operating, 4, 4, 42.8620, 71.4035),
        new("3", "УПП № 3 (Старый город)", "г. Тараз, ул. Толе би, 44", PrecinctKind.Stationary, PrecinctStatus.Operating, 3, 3, 42.8965, 71.3920),
        new("5", "УПП № 5 (Карасу)", "г. Тараз, мкр. Карасу, 12", PrecinctKind.Stationary, PrecinctStatus.Operating, 3, 3, 42.8770, 71.3400),
        new("8", "УПП № 8 (Мынбулак)", "г. Тараз, мкр. Мынбулак, 3", PrecinctKind.Modular, PrecinctStatus.Operating, 3, 3, 42.8710, 71.4170),
        new("11", "УПП № 11 (Жайлау)", "г. Тараз, мкр. Жайлау, 41", PrecinctKind.Modular, PrecinctStatus.Operating, 3, 3, 42.9160, 71.3560),
        new("21", "УПП № 21 (Салтанат)", "г. Тараз, мкр. Салтанат, 5", PrecinctKind.Modular, PrecinctStatus.Operating, 3, 2, 42.8850, 71.4300),
        new("24", "ЦВМО «Самал»", "г. Тараз, мкр. Самал, 18", PrecinctKind.InteractionCentre, PrecinctStatus.Operating, 2, 2, 42.9050, 71.4100),
        new("33", "УПП № 33 (Талас)", "г. Тараз, ул. Рысбек батыра, 90", PrecinctKind.Stationary, PrecinctStatus.UnderConstruction, 2, 2, 42.9250, 71.3850),
        new("34", "УПП № 34 (Аса)", "г. Тараз, мкр. Аса, 2", PrecinctKind.Modular, PrecinctStatus.Planned, 2, 1, 42.8500, 71.3700),
    ];

    private static readonly PostSeed[] BaizakPosts =
    [
        new("1", "УПП с. Сарыкемер (с жильём)", "Байзакский район, с. Сарыкемер, ул. Байзак батыра, 150", PrecinctKind.CombinedWithHousing, PrecinctStatus.Operating, 3, 3, 43.0040, 71.4990),
        new("2", "УПП с. Бурыл (с жильём)", "Байзакский район, с. Бурыл, ул. Абая, 12", PrecinctKind.CombinedWithHousing, PrecinctStatus.Operating, 2, 2, 42.9600, 71.6100),
        new("3", "УПП с. Кызылжулдыз (с жильём)", "Байзакский район, с. Кызылжулдыз, ул. Мира, 4", PrecinctKind.CombinedWithHousing, PrecinctStatus.UnderConstruction, 2, 2, 43.0700, 71.5600),
    ];

    private static readonly PostSeed[] ZhambylDistrictPosts =
    [
        new("1", "УПП с. Аса", "Жамбылский район, с. Аса, ул. Толе би, 20", PrecinctKind.Stationary, PrecinctStatus.Operating, 3, 3, 42.8300, 71.2900),
        new("2", "УПП с. Гродеково", "Жамбылский район, с. Гродеково, ул. Школьная, 1", PrecinctKind.CombinedWithHousing, PrecinctStatus.Planned, 2, 1, 42.8900, 71.1800),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.Regions.AnyAsync(ct))
        {
            return;
        }

        logger.LogInformation("Empty database: adding demo data for Zhambyl region");
        var random = new Random(2026);
        var region = new Region { Name = "Жамбылская область" };
        var taraz = Department("Управление полиции г. Тараз", region, Jurisdiction.Kazakhstan, "Asia/Almaty",
            new("Taraz city", "г. Тараз", "Тараз қаласы", "шаҳри Тароз"));
        var baizak = Department("Отдел полиции Байзакского района", region, Jurisdiction.Kazakhstan, "Asia/Almaty",
            new("Baizak district", "Байзакский район", "Байзақ ауданы", "ноҳияи Байзак"));
        var zhambyl = Department("Отдел полиции Жамбылского района", region, Jurisdiction.Kazakhstan, "Asia/Almaty",
            new("Zhambyl district", "Жамбылский район", "Жамбыл ауданы", "ноҳияи Ҷамбул"));
        db.Regions.Add(region);

        var badge = 100;
        var officerIndex = 0;
        foreach (var (department, posts) in new[] { (taraz, TarazPosts), (baizak, BaizakPosts), (zhambyl, ZhambylDistrictPosts) })
        {
            foreach (var seed in posts)
            {
                department.Precincts.Add(Post(seed, Zhambyl, random, ref badge, ref officerIndex));
            }
        }

        await db.SaveChangesAsync(ct);

        var post17 = taraz.Precincts.Single(p => p.Number == "17");
        var post30 = taraz.Precincts.Single(p => p.Number == "30");
        await CreateUserAsync("admin@demo.local", "Администратор системы", Roles.Administrator, null, null);
        await CreateUserAsync("chief.taraz@demo.local", "Байжанов Серик Маратович", Roles.StationChief, taraz.Id, null);
        var officer17 = await CreateUserAsync("officer.17@demo.local", post17.Officers[0].FullName, Roles.DistrictOfficer, null, post17.Id);
        var officer30 = await CreateUserAsync("officer.30@demo.local", post30.Officers[0].FullName, Roles.DistrictOfficer, null, post30.Id);
        var coordinator = await CreateUserAsync("coordinator@demo.local", "Есенова Айгерим Талгатовна", Roles.VolunteerCoordinator, null, null);

        post17.Officers[0].UserId = officer17.Id;
        post30.Officers[0].UserId = officer30.Id;
        await db.SaveChangesAsync(ct);
        await DemoAppeals.SeedAsync(db, clock.GetUtcNow(), ct);
        await DemoAssociations.SeedAsync(db, coordinator.Id, clock.GetUtcNow(), ct);
        await DemoPatrols.SeedAsync(db, clock.GetUtcNow(), ct);
        await DemoBeatWork.SeedAsync(db, clock.GetUtcNow(), ct);
        await DemoIstaravshan.SeedAsync(db, this, clock.GetUtcNow(), ct);
        await db.Database.ExecuteSqlRawAsync("SELECT setval('appeal_numbers', (SELECT count(*) FROM appeals))", ct);
    }

    /// <summary>A place's name in English, Russian, Kazakh and Tajik.</summary>
    internal sealed record PlaceNames(string En, string Ru, string Kk, string Tg);

    internal static Department Department(string name, Region region, Jurisdiction jurisdiction, string timeZoneId, PlaceNames place)
    {
        var department = new Department
        {
            Name = name,
            PlaceEn = place.En,
            PlaceRu = place.Ru,
            PlaceKk = place.Kk,
            PlaceTg = place.Tg,
            Region = region,
            Jurisdiction = jurisdiction,
            TimeZoneId = timeZoneId,
        };
        region.Departments.Add(department);
        return department;
    }

    internal static Precinct Post(PostSeed seed, Locality locality, Random random, ref int badge, ref int officerIndex)
    {
        var precinct = new Precinct
        {
            Number = seed.Number,
            Name = seed.Name,
            Address = seed.Address,
            Latitude = seed.Lat,
            Longitude = seed.Lon,
            Kind = seed.Kind,
            Status = seed.Status,
            AuthorisedPosts = seed.Authorised,
            RoundTheClock = seed.Kind == PrecinctKind.Modular,
            ReceptionHours = seed.Kind == PrecinctKind.Modular ? null : locality.ReceptionHours,
            PlannedOn = new DateOnly(2021, 3, 1).AddDays(random.Next(0, 400)),
        };
        if (seed.Status is PrecinctStatus.UnderConstruction or PrecinctStatus.Operating)
        {
            precinct.ConstructionStartedOn = precinct.PlannedOn.Value.AddMonths(4);
        }

        if (seed.Status == PrecinctStatus.Operating)
        {
            precinct.OpenedOn = precinct.ConstructionStartedOn!.Value.AddMonths(8);
        }

        // About 38% of authorised posts are vacant (Zhambyl region); posts not yet open have no staff.
        var filled = seed.Status == PrecinctStatus.Operating
            ? Math.Max(1, (int)Math.Round(seed.Authorised * 0.62 + (random.NextDouble() - 0.5)))
            : 0;
        if (seed.Number is "17" or "30")
        {
            filled = Math.Max(filled, 2);
        }

        for (var i = 0; i < filled; i++)
        {
            precinct.Officers.Add(Officer(i == 0 && filled > 2 ? OfficerPosition.SeniorDistrictInspector : OfficerPosition.DistrictInspector,
                locality, random, ref badge, ref officerIndex));
        }

        if (seed.Status == PrecinctStatus.Operating && random.Next(3) == 0)
        {
            precinct.Officers.Add(Officer(OfficerPosition.JuvenileAffairsInspector, locality, random, ref badge, ref officerIndex));
        }

        for (var i = 0; i < seed.Beats; i++)
        {
            var districtOfficers = precinct.Officers.Where(o => Staffing.FillsDistrictPost(o.Position)).ToList();
            precinct.Beats.Add(new Beat
            {
                Name = string.Format(CultureInfo.InvariantCulture, locality.BeatName, seed.Number, i + 1),
                Population = random.Next(2500, 9000),
                Households = random.Next(700, 2800),
                Description = $"{locality.Streets[random.Next(locality.Streets.Length)]}, {locality.Streets[random.Next(locality.Streets.Length)]}",
                Officer = i < districtOfficers.Count ? districtOfficers[i] : null,
                BoundaryGeoJson = Square(seed.Lat + (i / 2 * 0.006), seed.Lon + (i % 2 * 0.008)),
            });
        }

        foreach (var kind in Enum.GetValues<EquipmentKind>())
        {
            var planned = kind == EquipmentKind.CctvCamera ? random.Next(4, 12) : random.Next(1, 4);
            precinct.Equipment.Add(new EquipmentItem
            {
                Kind = kind,
                Planned = planned,
                Installed = seed.Status == PrecinctStatus.Operating ? random.Next(planned / 2, planned + 1) : 0,
            });
        }

        return precinct;
    }

    private static Officer Officer(OfficerPosition position, Locality staff, Random random, ref int badge, ref int index)
    {
        var surname = staff.Surnames[index % staff.Surnames.Length];
        var name = $"{surname} {staff.GivenNames[random.Next(staff.GivenNames.Length)]} {staff.Patronymics[random.Next(staff.Patronymics.Length)]}";
        index++;
        return new Officer
        {
            FullName = name,
            Rank = staff.Ranks[random.Next(staff.Ranks.Length)],
            BadgeNumber = $"{staff.BadgePrefix}-{badge++:D4}",
            Position = position,
            LivesOnBeat = random.Next(10) >= 2,
            Phone = $"{staff.PhonePrefix} {random.Next(100, 999)} {random.Next(10, 99)} {random.Next(10, 99)}",
        };
    }

    /// <summary>A small square boundary (about 700 m) around a point, as a GeoJSON polygon.</summary>
    internal static string Square(double lat, double lon)
    {
        const double d = 0.003;
        FormattableString json = $$"""{"type":"Polygon","coordinates":[[[{{lon - d}},{{lat - d}}],[{{lon + d}},{{lat - d}}],[{{lon + d}},{{lat + d}}],[{{lon - d}},{{lat + d}}],[{{lon - d}},{{lat - d}}]]]}""";
        return FormattableString.Invariant(json);
    }

    internal async Task<ApplicationUser> CreateUserAsync(string email, string fullName, string role, int? departmentId, int? precinctId)
    {
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = fullName,
            DepartmentId = departmentId,
            PrecinctId = precinctId,
            LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
