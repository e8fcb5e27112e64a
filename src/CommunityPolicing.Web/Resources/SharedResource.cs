namespace CommunityPolicing.Web;

/// <summary>
/// Marker for the app's one set of string resources, Resources/SharedResource(.ru|.kk).resx. The .resx files sit
/// beside this class, so their manifest names follow its full name and no ResourcesPath is configured.
/// </summary>
public sealed class SharedResource;
