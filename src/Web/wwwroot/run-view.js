// Brings a finished run's result into view (the run page, issue 18): at 1366×768 or on a phone the page shows the
// status above it and the notice and table were off-screen. Smooth unless the person asked for less motion.
// Focus moves to the result's heading (screen readers start reading there) unless the person is busy in a
// control of their own, such as a field they are filling in for the next run.
export function showResult(heading) {
    if (!heading) {
        return;
    }
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    heading.scrollIntoView({ behavior: still ? 'auto' : 'smooth', block: 'start' });
    const active = document.activeElement;
    const typing = active instanceof HTMLElement && active.matches('input, textarea, select, [contenteditable="true"]');
    if (!typing) {
        heading.focus({ preventScroll: true });
    }
}
