using MudBlazor;

namespace CommunityPolicing.Web.Components.Shared;

/// <summary>Turns a MudDataGrid server request into the page, page size and sort the services take.</summary>
public static class ServerGrid
{
    public static (int Page, int PageSize, string? SortBy, bool Descending) Paging<T>(GridState<T> state)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        return (state.Page, state.PageSize, sort?.SortBy, sort?.Descending ?? false);
    }

    public static GridData<T> ToGridData<T>(this Features.PageResult<T> page) =>
        new() { Items = page.Items, TotalItems = page.Total };
}
