namespace CommunityPolicing.Web.Features;

/// <summary>The endpoints that hand out files: exports, attachments, calendar feeds, the data subject's file.</summary>
public static class Downloads
{
    /// <summary>
    /// A group whose every answer carries <c>Cache-Control: no-store</c>: the files hold personal data, and no browser
    /// cache, proxy or shared office computer may keep a copy. Set as the headers go out (exports stream their body
    /// themselves), so a handler cannot loosen it.
    /// </summary>
    public static RouteGroupBuilder MapDownloads(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("");
        group.AddEndpointFilter((context, next) =>
        {
            var response = context.HttpContext.Response;
            response.OnStarting(() =>
            {
                response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return group;
    }
}
