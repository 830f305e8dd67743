// The skip link moves keyboard focus to the page's main content. Blazor's router intercepts same-page
// "#..." links and only scrolls, so focus would stay at the top: handle the click (Enter or mouse) first.
document.addEventListener('click', event => {
    const link = event.target instanceof Element ? event.target.closest('a.skip-link') : null;
    const main = link ? document.getElementById('main-content') : null;
    if (!main) {
        return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    main.focus();
    main.scrollIntoView();
}, true);
