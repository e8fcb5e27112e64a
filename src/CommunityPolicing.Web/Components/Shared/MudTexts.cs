using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CommunityPolicing.Web.Components.Shared;

/// <summary>
/// MudBlazor's own texts (pager, pickers, close and clear buttons, "Loading…") in the user's language, from our
/// resources under "Mud." + MudBlazor's key; a key we do not carry falls back to MudBlazor's English.
/// </summary>
public sealed class MudTexts(IStringLocalizer<SharedResource> l) : MudLocalizer
{
    public const string Prefix = "Mud.";

    public override LocalizedString this[string key] => Ours(l[Prefix + key], key);

    public override LocalizedString this[string key, params object[] arguments] => Ours(l[Prefix + key, arguments], key);

    private static LocalizedString Ours(LocalizedString found, string key) =>
        found.ResourceNotFound ? new LocalizedString(key, key, resourceNotFound: true) : new LocalizedString(key, found.Value);
}
