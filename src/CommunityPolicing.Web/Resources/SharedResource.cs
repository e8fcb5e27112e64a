namespace CommunityPolicing.Web;

/// <summary>Marker for the app's one set of string resources: Resources/SharedResource(.ru|.kk).resx.</summary>
public sealed class SharedResource;
