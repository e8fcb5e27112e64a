using System.Text;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Associations;

namespace CommunityPolicing.UnitTests.Features;

public sealed class MemberImportTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void A_russian_semicolon_csv_from_excel_is_read_with_its_headers()
    {
        var csv = "\uFEFFФИО;Дата рождения;Телефон;Статус;Проверка пройдена;Дата проверки;Согласие\r\n" +
                  "Абенов Ержан;14.03.1990;+7 701 111 22 33;Активный;да;01.02.2026;01.02.2026\r\n";

        var rows = MemberImport.Read("roster.csv", Encoding.UTF8.GetBytes(csv))!;
        var row = MemberImport.Parse(2, rows.Single(), 7, Today);

        Assert.Empty(row.Errors);
        Assert.Equal(("Абенов Ержан", VolunteerStatus.Active, true, 7), (row.Member.FullName, row.Member.Status, row.Member.BackgroundCheckPassed!.Value, row.Member.AssociationId));
        Assert.Equal(new DateTime(1990, 3, 14), row.Member.BirthDate);
    }

    [Fact]
    public void Each_bad_cell_is_named_with_its_field()
    {
        var cells = new Dictionary<string, string?>
        {
            ["FullName"] = "",
            ["BirthDate"] = "yesterday",
            ["Phone"] = "call me",
            ["Status"] = "Boss",
            ["BackgroundCheckPassed"] = "maybe",
        };

        var row = MemberImport.Parse(5, cells, 1, Today);

        Assert.Equal(5, row.RowNumber);
        Assert.Equal("Validation.Required", row.Errors["FullName"]);
        Assert.Equal("Validation.Date", row.Errors["BirthDate"]);
        Assert.Equal("Validation.Phone", row.Errors["Phone"]);
        Assert.Equal("Validation.Status", row.Errors["Status"]);
        Assert.Equal("Validation.YesNo", row.Errors["BackgroundCheckPassed"]);
    }

    [Theory]
    [InlineData("Отстранён(а)", VolunteerStatus.Suspended)]
    [InlineData("Отстранён", VolunteerStatus.Suspended)]
    [InlineData("Отстранен", VolunteerStatus.Suspended)]
    [InlineData("Отстранена", VolunteerStatus.Suspended)]
    [InlineData("Выбыл(а)", VolunteerStatus.Left)]
    [InlineData("Выбыл", VolunteerStatus.Left)]
    [InlineData("выбыла", VolunteerStatus.Left)]
    [InlineData("Шыққан", VolunteerStatus.Left)]
    [InlineData("Шықты", VolunteerStatus.Left)]
    [InlineData("Активная", VolunteerStatus.Active)]
    public void A_status_is_read_in_the_uis_words_their_older_and_feminine_forms_with_e_or_yo(string status, VolunteerStatus expected)
    {
        var row = MemberImport.Parse(2, new Dictionary<string, string?> { ["ФИО"] = "Ли Виктория", ["Дата рождения"] = "1999-01-01", ["Статус"] = status }, 1, Today);

        Assert.False(row.Errors.ContainsKey("Status"));
        Assert.Equal(expected, row.Member.Status);
    }

    [Fact]
    public void Unknown_columns_are_ignored_and_other_file_types_are_not_read()
    {
        var row = MemberImport.Parse(2, new Dictionary<string, string?> { ["ФИО"] = "Ли Виктория", ["Дата рождения"] = "1999-01-01", ["Любимый цвет"] = "синий" }, 1, Today);

        Assert.Empty(row.Errors);
        Assert.Null(MemberImport.Read("roster.txt", [1, 2, 3]));
    }
}
