namespace Skriptoteket.Web.Localization;

/// <summary>
/// Marker for the studio's help panel for script authors (Resources/Localization/StudioHelpStrings.resx: Swedish;
/// .en.resx: English): the run contract, the helper module, field kinds, output blocks and examples to copy.
/// </summary>
public sealed class StudioHelpStrings;
