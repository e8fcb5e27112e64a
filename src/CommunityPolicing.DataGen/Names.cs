namespace CommunityPolicing.DataGen;

/// <summary>Word lists the generated records are built from: Kazakhstan's 17 regions, its people's names, streets.</summary>
internal static class Names
{
    public static readonly string[] Regions =
    [
        "Abai Region", "Akmola Region", "Aktobe Region", "Almaty Region", "Atyrau Region", "East Kazakhstan Region",
        "Jambyl Region", "Jetisu Region", "Karaganda Region", "Kostanay Region", "Kyzylorda Region", "Mangystau Region",
        "Pavlodar Region", "North Kazakhstan Region", "Turkistan Region", "Ulytau Region", "West Kazakhstan Region",
    ];

    /// <summary>Each region's centre: time zone and coordinates, for departments' zones and posts' positions.</summary>
    public static readonly (string Zone, double Lat, double Lon)[] Centres =
    [
        ("Asia/Almaty", 50.41, 80.25), ("Asia/Almaty", 53.28, 69.39), ("Asia/Aqtobe", 50.28, 57.17), ("Asia/Almaty", 45.01, 78.38),
        ("Asia/Atyrau", 47.10, 51.92), ("Asia/Almaty", 49.95, 82.61), ("Asia/Almaty", 42.90, 71.37), ("Asia/Almaty", 45.02, 78.37),
        ("Asia/Almaty", 49.80, 73.09), ("Asia/Qostanay", 53.21, 63.63), ("Asia/Qyzylorda", 44.85, 65.51), ("Asia/Aqtau", 43.65, 51.16),
        ("Asia/Almaty", 52.29, 76.97), ("Asia/Almaty", 54.87, 69.15), ("Asia/Almaty", 43.30, 68.25), ("Asia/Almaty", 47.80, 67.71),
        ("Asia/Oral", 51.23, 51.37),
    ];

    public static readonly string[] Towns =
    [
        "Taraz", "Shu", "Karatau", "Zhanatas", "Kordai", "Merke", "Sarykemer", "Bauyrzhan Momyshuly", "Kulan", "Moiynkum",
        "Tole Bi", "Aksu", "Saryozek", "Kapal", "Esik", "Talgar", "Kaskelen", "Shelek", "Uzynagash", "Zharkent",
    ];

    public static readonly string[] Surnames =
    [
        "Abenov", "Akhmetov", "Baimukhanov", "Dzhaksybekov", "Yesenov", "Zhumabayev", "Iskakov", "Kaliyev", "Mukanov",
        "Nurlanov", "Omarov", "Sadykov", "Tulegenov", "Utepov", "Khasenov", "Shaikenov", "Ivanov", "Petrov", "Smirnov",
        "Kuznetsov", "Popov", "Sokolov", "Lebedev", "Kozlov", "Novikov", "Morozov", "Rakhimov", "Sharipov", "Nazarov",
    ];

    public static readonly string[] GivenNames =
    [
        "Aidos", "Arman", "Askar", "Bauyrzhan", "Daniyar", "Yerlan", "Zhanibek", "Kairat", "Marat", "Nurlan", "Rustam",
        "Serik", "Timur", "Aigerim", "Aliya", "Gulnara", "Dana", "Zhanna", "Madina", "Saule", "Alexei", "Dmitry", "Sergei",
        "Olga", "Irina", "Farrukh", "Dilnoza",
    ];

    public static readonly string[] Patronymics =
    [
        "Serikovich", "Bolatovich", "Nurlanovich", "Yerlanovich", "Kairatovich", "Maratovich", "Ivanovich", "Sergeevich",
        "Askarovna", "Bolatovna", "Nurlanovna", "Sergeevna",
    ];

    public static readonly string[] Streets =
    [
        "Abai", "Tole Bi", "Kazybek Bi", "Ayteke Bi", "Zheltoksan", "Dostyk", "Satpayev", "Baitursynov", "Auezov",
        "Pushkin", "Gagarin", "Lenin", "Kunaev", "Seifullin", "Al-Farabi", "Momyshuly", "Zhambyl", "Suleimenov",
    ];

    public static readonly string[] Ranks = ["Police lieutenant", "Police senior lieutenant", "Police captain", "Police major"];

    /// <summary>What citizens write about, by appeal category id (1..12, as in AppealCategories.Defaults).</summary>
    public static readonly string[][] Complaints =
    [
        ["Loud music at night from a neighbouring flat", "Noisy company in the courtyard after midnight", "Drinking in the playground"],
        ["Family conflict with threats, repeated", "Neighbour's husband beats his wife, screams at night"],
        ["Bicycle stolen from the stairwell", "Phone stolen at the bus stop", "Cellar broken into, tools taken"],
        ["Phone fraudsters posing as bank staff", "Paid for goods online, nothing delivered"],
        ["Cars speeding past the school", "Broken traffic light at the crossing", "Cars parked on the pavement"],
        ["Teenagers smoking behind the school", "Minors out late without adults", "Children on the roof of a garage block"],
        ["Alcohol sold at night at the kiosk", "Street trading from a car without a licence"],
        ["Flat rented to many people without registration", "Foreign workers living in a dormitory without papers"],
        ["The district officer was rude at reception", "The officer did not come to a call"],
        ["Please install lighting in the park", "Suggest a camera at the market entrance"],
        ["Thanks to the district officer for quick help", "Grateful for the found bicycle"],
        ["Stray dogs in the courtyard", "Abandoned car in the yard for months"],
    ];

    public static readonly string[] PreventionTitles =
    [
        "Lecture on online fraud", "Residents' meeting on public order", "Evening raid for minors", "Domestic violence prevention visit",
        "Door-to-door round", "Article in the district newspaper", "Meeting with the council of elders",
    ];

    public static string Person(Random random) =>
        $"{Pick(random, Surnames)} {Pick(random, GivenNames)} {Pick(random, Patronymics)}";

    public static string Address(Random random, string town) =>
        $"{town}, {Pick(random, Streets)} st. {random.Next(1, 180)}, apt. {random.Next(1, 120)}";

    public static string Phone(Random random) => $"+7 7{random.Next(0, 8)}{random.Next(0, 10)} {random.Next(100, 1000)} {random.Next(1000, 10000)}";

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
