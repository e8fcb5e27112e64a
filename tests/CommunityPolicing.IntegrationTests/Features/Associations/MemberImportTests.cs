using System.Text;
using CommunityPolicing.Testing;
using CommunityPolicing.Web.Features.Associations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace CommunityPolicing.IntegrationTests.Features.Associations;

[Collection(AppCollection.Name)]
public sealed class MemberImportTests(TestApp app)
{
    private async Task<(AssociationService Service, int AssociationId, AsyncServiceScope Scope)> CoordinatorAsync()
    {
        var scope = await app.SignedInAsync(Demo.Coordinator);
        var service = scope.ServiceProvider.GetRequiredService<AssociationService>();
        return (service, (await service.ListAsync()).Items.Single(a => a.Name.StartsWith("Соседский", StringComparison.Ordinal)).Id, scope);
    }

    [Fact]
    public async Task A_good_xlsx_imports_every_row()
    {
        var (service, id, scope) = await CoordinatorAsync();
        await using var _ = scope;
        await using var file = new MemoryStream();
        await file.SaveAsAsync(new[]
        {
            new Dictionary<string, object> { ["ФИО"] = "Импортов Первый", ["Дата рождения"] = "1991-01-01", ["Документ"] = "IMP-0001", ["Статус"] = "Кандидат" },
            new Dictionary<string, object> { ["ФИО"] = "Импортов Второй", ["Дата рождения"] = "1992-02-02", ["Документ"] = "IMP-0002", ["Статус"] = "Кандидат" },
        });

        var report = await service.ImportMembersAsync(id, "roster.xlsx", file.ToArray());

        Assert.True(report.Succeeded);
        Assert.Equal(2, report.Imported);
        await using var db = app.NewDbContext();
        Assert.Equal(2, await db.Volunteers.CountAsync(v => v.AssociationId == id && v.FullName.StartsWith("Импортов")));
    }

    [Fact]
    public async Task A_mixed_file_imports_nothing_and_names_every_bad_row()
    {
        var (service, id, scope) = await CoordinatorAsync();
        await using var _ = scope;
        await using var db = app.NewDbContext();
        var existingDocument = await db.Volunteers.Where(v => v.DocumentNumber != null).Select(v => v.DocumentNumber!).FirstAsync();
        var before = await db.Volunteers.CountAsync();
        var csv = "FullName,BirthDate,DocumentNumber,Status\n" +
                  "Хороший Человек,1990-05-05,MIX-1,Active\n" +
                  ",1990-05-05,MIX-2,Active\n" +
                  $"Дубль Документа,1990-05-05,{existingDocument},Active\n" +
                  "Слишком Молодой,2020-01-01,MIX-3,Active\n" +
                  "Двойной,1990-05-05,MIX-4,Active\n" +
                  "Двойной Снова,1990-05-05,MIX-4,Active\n";

        var report = await service.ImportMembersAsync(id, "roster.csv", Encoding.UTF8.GetBytes(csv));

        Assert.False(report.Succeeded);
        Assert.Equal(0, report.Imported);
        Assert.Equal([3, 4, 5, 6, 7], report.Rejected.Select(r => r.RowNumber));
        Assert.Equal("Validation.Required", report.Rejected[0].Errors["FullName"]);
        Assert.Equal("Validation.AlreadyUsed", report.Rejected[1].Errors["DocumentNumber"]);
        Assert.Equal("Validation.BirthDate", report.Rejected[2].Errors["BirthDate"]);
        Assert.Equal(before, await db.Volunteers.CountAsync());
    }

    [Theory]
    [InlineData("roster.pdf", "%PDF-1.7", "Import.WrongType")]
    [InlineData("roster.xlsx", "not a zip", "Import.Unreadable")]
    [InlineData("roster.csv", "FullName,BirthDate\n", "Import.Empty")]
    public async Task Unusable_files_are_refused_with_a_reason(string name, string content, string reason)
    {
        var (service, id, scope) = await CoordinatorAsync();
        await using var _ = scope;

        var report = await service.ImportMembersAsync(id, name, Encoding.UTF8.GetBytes(content));

        Assert.Equal(reason, report.FileError);
    }

    [Fact]
    public async Task Officers_cannot_import()
    {
        var (_, id, coordinatorScope) = await CoordinatorAsync();
        await using var _ = coordinatorScope;
        await using var officer = await app.SignedInAsync(Demo.Officer17);

        var report = await officer.ServiceProvider.GetRequiredService<AssociationService>()
            .ImportMembersAsync(id, "roster.csv", Encoding.UTF8.GetBytes("FullName,BirthDate\nX,1990-01-01\n"));

        Assert.Equal("NotFound.Text", report.FileError);
    }
}
