using System.Globalization;
using Bunit;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Precincts;

namespace CommunityPolicing.ComponentTests.Features.Precincts;

public sealed class PrecinctPassportViewTests : ComponentTest
{
    private static PrecinctPassport Passport(bool canEdit, Jurisdiction jurisdiction = Jurisdiction.Kazakhstan) => new(
        Id: 17, DepartmentId: 1, Department: "Управление полиции г. Тараз", Number: "17", Name: "УПП № 17 (ТарРУ им. М.Х. Дулати)",
        Address: "г. Тараз, ул. Сулейманова, 7", Latitude: 42.8987, Longitude: 71.3787, Kind: PrecinctKind.Stationary,
        Status: PrecinctStatus.Operating, PlannedOn: new DateOnly(2021, 3, 1), ConstructionStartedOn: new DateOnly(2021, 7, 1),
        OpenedOn: new DateOnly(2022, 3, 1), ClosedOn: null, RoundTheClock: false, ReceptionHours: "Mon–Fri 17:00–20:00",
        Staffing: new Staffing(4, 1), CanEdit: canEdit,
        Equipment: [new EquipmentLine(1, EquipmentKind.CctvCamera, 12, 9, 1), new EquipmentLine(2, EquipmentKind.Computer, 2, 2, 1)],
        Beats: [new BeatLine(5, "Участок № 17-1", 3240, 900, 7, "Абдрахманов Санжар", true), new BeatLine(6, "Участок № 17-2", 5100, 1500, null, null, false)],
        Officers: [new OfficerLine(7, "Абдрахманов Санжар", "майор полиции", OfficerPosition.DistrictInspector, false, 1)],
        Jurisdiction: jurisdiction);

    [Theory]
    [InlineData(Jurisdiction.Kazakhstan, "Участковый инспектор полиции")]
    [InlineData(Jurisdiction.Russia, "Участковый уполномоченный полиции")]
    [InlineData(Jurisdiction.Tajikistan, "Участковый инспектор милиции")]
    public void The_officers_title_is_the_one_the_departments_law_gives(Jurisdiction jurisdiction, string title)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru");

        var view = Render<PrecinctPassportView>(p => p.Add(v => v.Passport, Passport(canEdit: false, jurisdiction)));

        Assert.Contains(title, view.Find("[data-testid=officers]").TextContent);
    }

    [Fact]
    public void Shows_staffing_computed_from_authorised_and_filled_posts()
    {
        var view = Render<PrecinctPassportView>(p => p.Add(v => v.Passport, Passport(canEdit: false)));

        var staffing = view.Find("[data-testid=staffing]");
        Assert.Contains("3", view.Find("[data-testid=vacant]").TextContent);
        Assert.Contains("75%", staffing.TextContent);
    }

    [Fact]
    public void Shows_equipment_planned_against_installed_and_vacant_beats()
    {
        var view = Render<PrecinctPassportView>(p => p.Add(v => v.Passport, Passport(canEdit: false)));

        var cameras = view.Find("[data-testid=equipment-CctvCamera]").TextContent;
        Assert.Contains("CCTV cameras", cameras);
        Assert.Contains("12", cameras);
        Assert.Contains("9", cameras);
        var beats = view.Find("[data-testid=beats]");
        Assert.Contains("Абдрахманов Санжар", beats.TextContent);
        Assert.Contains("Vacant", beats.TextContent);
        Assert.Equal("/beats/6", beats.QuerySelectorAll("a[href^='/beats/']")[1].GetAttribute("href"));
    }

    [Fact]
    public void Edit_buttons_appear_only_for_those_who_may_edit()
    {
        var reader = Render<PrecinctPassportView>(p => p.Add(v => v.Passport, Passport(canEdit: false)));
        var editor = Render<PrecinctPassportView>(p => p.Add(v => v.Passport, Passport(canEdit: true)));

        Assert.Empty(reader.FindAll("[data-testid=edit-precinct], [data-testid=edit-equipment]"));
        Assert.Equal(2, editor.FindAll("[data-testid=edit-precinct], [data-testid=edit-equipment]").Count);
    }

    [Fact]
    public void Clicking_edit_equipment_asks_the_page_to_open_the_dialog()
    {
        var asked = false;
        var view = Render<PrecinctPassportView>(p => p
            .Add(v => v.Passport, Passport(canEdit: true))
            .Add(v => v.OnEditEquipment, () => asked = true));

        view.Find("[data-testid=edit-equipment]").Click();

        Assert.True(asked);
    }
}
