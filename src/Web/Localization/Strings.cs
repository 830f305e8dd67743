namespace Skriptoteket.Web.Localization;

/// <summary>Marker for the shared UI strings (Resources/Localization/Strings.resx: Swedish; Strings.en.resx: English).</summary>
public sealed class Strings;
