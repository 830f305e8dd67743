using System.Collections.Frozen;
using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Skriptoteket.Web.Localization;

/// <summary>
/// Swedish for the words MudBlazor itself puts on screen and reads aloud (close buttons, the number field's
/// arrows, pagers, date pickers): without it a Swedish page says "Close" and "Increment". English pages keep
/// MudBlazor's own English, and a key missing here falls back to it.
/// </summary>
public sealed class SwedishMudLocalizer : MudLocalizer
{
    private static readonly FrozenDictionary<string, string> Swedish = new Dictionary<string, string>
    {
        ["MudAlert_Close"] = "Stäng",
        ["MudChip_Close"] = "Ta bort",
        ["MudDialog_Close"] = "Stäng",
        ["MudSnackbar_Close"] = "Stäng",
        ["MudColorPicker_Close"] = "Stäng",
        ["MudInput_Clear"] = "Töm",
        ["MudInput_Increment"] = "Öka",
        ["MudInput_Decrement"] = "Minska",
        ["MudFormComponent_Required"] = "Obligatoriskt",
        ["MudFileUpload_Button"] = "Välj filer",
        ["MudFileUpload_DragAndDrop"] = "Dra och släpp filer här",
        ["MudBreadcrumbs_Label"] = "Brödsmulor",
        ["MudNavGroup_ToggleExpand"] = "Visa eller dölj",
        ["MudSelect_SelectAll"] = "Välj alla",
        ["MudBaseDatePicker_Open"] = "Öppna kalendern",
        ["MudBaseDatePicker_NextMonth"] = "Nästa månad",
        ["MudBaseDatePicker_PrevMonth"] = "Föregående månad",
        ["MudBaseDatePicker_NextYear"] = "Nästa år",
        ["MudBaseDatePicker_PrevYear"] = "Föregående år",
        ["MudDateRangePicker_Start"] = "Från",
        ["MudDateRangePicker_End"] = "Till",
        ["MudTimePicker_Open"] = "Öppna klockan",
        ["MudPagination_FirstPage"] = "Första sidan",
        ["MudPagination_LastPage"] = "Sista sidan",
        ["MudPagination_NextPage"] = "Nästa sida",
        ["MudPagination_PreviousPage"] = "Föregående sida",
        ["MudPagination_CurrentPage"] = "Aktuell sida",
        ["MudTablePager_FirstPage"] = "Första sidan",
        ["MudTablePager_LastPage"] = "Sista sidan",
        ["MudTablePager_NextPage"] = "Nästa sida",
        ["MudTablePager_PreviousPage"] = "Föregående sida",
        ["MudTable_Loading"] = "Hämtar …",
        ["MudTable_SelectAllRows"] = "Markera alla rader",
        ["MudTable_SelectRow"] = "Markera raden",
        ["MudTable_ExpandGroup"] = "Visa gruppen",
        ["MudTable_CollapseGroup"] = "Dölj gruppen",
        ["MudDataGrid_Loading"] = "Hämtar …",
        ["MudDataGrid_Sort"] = "Sortera",
        ["MudDataGrid_Unsort"] = "Ta bort sortering",
        ["MudDataGrid_Filter"] = "Filtrera",
        ["MudDataGrid_Cancel"] = "Avbryt",
        ["MudDataGrid_Apply"] = "Använd",
        ["MudDataGrid_Clear"] = "Töm",
        ["MudDataGrid_Save"] = "Spara",
        ["MudDataGridPager_FirstPage"] = "Första sidan",
        ["MudDataGridPager_LastPage"] = "Sista sidan",
        ["MudDataGridPager_NextPage"] = "Nästa sida",
        ["MudDataGridPager_PreviousPage"] = "Föregående sida",
        ["MudDataGridPager_RowsPerPage"] = "Rader per sida:",
        ["MudDataGridPager_AllItems"] = "Alla",
        ["MudTabs_CloseTab"] = "Stäng fliken",
        ["MudTabs_ScrollLeft"] = "Bläddra åt vänster",
        ["MudTabs_ScrollRight"] = "Bläddra åt höger",
        ["MudStepper_Next"] = "Nästa",
        ["MudStepper_Previous"] = "Föregående",
        ["MudExitPrompt_Cancel"] = "Avbryt",
        ["MudExitPrompt_Exit"] = "Lämna sidan",
        // What a field says when its text cannot be read as its type (e.g. letters in a number field).
        ["Converter_InvalidNumber"] = "Inte ett giltigt tal.",
        ["Converter_InvalidDateTime"] = "Inte ett giltigt datum.",
        ["Converter_InvalidTimeSpan"] = "Inte en giltig tid.",
        ["Converter_InvalidBoolean"] = "Inte ett giltigt ja/nej-värde.",
    }.ToFrozenDictionary();

    public override LocalizedString this[string key]
    {
        get
        {
            var swedish = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv";
            return swedish && Swedish.TryGetValue(key, out var text)
                ? new LocalizedString(key, text)
                : new LocalizedString(key, key, resourceNotFound: true);
        }
    }
}
