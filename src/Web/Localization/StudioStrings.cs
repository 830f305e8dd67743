namespace Skriptoteket.Web.Localization;

/// <summary>Marker for the script studio's UI strings (Resources/Localization/StudioStrings.resx: Swedish; .en.resx: English).</summary>
public sealed class StudioStrings;
