// Number fields on the run form are text inputs (FieldInputs.razor): the browser's number input changed what
// teachers typed. ArrowUp/ArrowDown step the value shown by one, within the field's bounds, keeping a decimal
// comma if one was typed; the change event hands the new text to the form as if typed. Text that is not a
// number is left alone: the form's check names the problem.
document.addEventListener('keydown', event => {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown' || event.altKey || event.ctrlKey || event.metaKey) {
        return;
    }
    const input = event.target instanceof HTMLInputElement ? event.target : null;
    const field = input ? input.closest('[data-number-field]') : null;
    if (!field || input.disabled || input.readOnly) {
        return;
    }
    const text = input.value.trim();
    const integer = field.dataset.numberField === 'integer';
    if (text !== '' && !(integer ? /^[+-]?\d+$/ : /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/).test(text)) {
        return;
    }
    event.preventDefault();
    const bound = name => field.dataset[name] === undefined || field.dataset[name] === '' ? null : Number(field.dataset[name]);
    const [min, max] = [bound('min'), bound('max')];
    const decimals = (text.split(/[.,]/)[1] || '').length;
    let next = text === '' ? (min ?? 0) : Number(text.replace(',', '.')) + (event.key === 'ArrowUp' ? 1 : -1);
    if (min !== null && next < min) {
        next = min;
    }
    if (max !== null && next > max) {
        next = max;
    }
    const shown = next.toFixed(integer ? 0 : decimals);
    input.value = text.includes(',') ? shown.replace('.', ',') : shown;
    input.dispatchEvent(new Event('change', { bubbles: true }));
});
