// The shell's drop-down menus are <details> elements and the drawer a checkbox (Components/Layout/MainLayout.razor):
// the skip link focuses the page's main content (captured first, so Blazor's router does not navigate);
// close menus on a click elsewhere, on Escape and after a choice; close the drawer over the page on phones after a choice.
document.addEventListener('click', e => {
    if (!e.target.closest('.skip-link')) return;
    e.preventDefault();
    document.getElementById('main')?.focus();
}, true);
document.addEventListener('click', e => {
    for (const menu of document.querySelectorAll('details.menu[open]')) {
        if (!menu.contains(e.target) || e.target.closest('.menu-list a')) menu.open = false;
    }
    const toggle = document.getElementById('nav-toggle');
    if (toggle && e.target.closest('.app-drawer a') && matchMedia('(max-width: 959.98px)').matches) toggle.checked = false;
});
document.addEventListener('keydown', e => {
    if (e.key === 'Escape') document.querySelectorAll('details.menu[open]').forEach(menu => menu.open = false);
    if ((e.key === 'Enter' || e.key === ' ') && e.target.matches('label[for=nav-toggle]')) {
        e.preventDefault();
        e.target.click();
    }
});

// A table wider than a phone scrolls sideways inside its container; keyboard users reach it there (WCAG 2.1.1).
// MudBlazor renders the containers, so a table that overflows becomes a focusable region named after its card or section.
// A table can start to overflow with no change to the page's elements (a web font arriving, a column growing), so each
// container and its table are watched for size as well.
let tablesPending = false;
const watched = new WeakSet();
const sizes = new ResizeObserver(() => queueTables());
function reachableTables() {
    tablesPending = false;
    for (const box of document.querySelectorAll('.mud-table-container')) {
        for (const part of [box, box.firstElementChild]) {
            if (part && !watched.has(part)) { watched.add(part); sizes.observe(part); }
        }
        const scrolls = box.scrollWidth > box.clientWidth + 1;
        if (scrolls && !box.hasAttribute('tabindex')) {
            const heading = box.closest('section, .mud-card, .mud-paper')?.querySelector('h2, h3, .mud-typography-subtitle2');
            box.tabIndex = 0;
            box.setAttribute('role', 'region');
            if (heading) box.setAttribute('aria-label', heading.textContent.trim());
            box.dataset.reachable = '';
        } else if (!scrolls && box.dataset.reachable !== undefined) {
            box.removeAttribute('tabindex');
            box.removeAttribute('role');
            box.removeAttribute('aria-label');
            delete box.dataset.reachable;
        }
    }
}
function queueTables() {
    if (!tablesPending) { tablesPending = true; requestAnimationFrame(reachableTables); }
}

// A dialog gives the focus back to what opened it (WCAG 2.4.3). MudBlazor's focus trap does so only when it noted the
// focus before moving it, which a slow circuit can miss: so the shell remembers the last focus outside any dialog.
let opener = null, dialogOpen = false;
const overlays = '.mud-dialog-container, .mud-popover-provider';
document.addEventListener('focusin', e => { if (!e.target.closest(overlays)) opener = e.target; });
function returnFocus() {
    const open = document.querySelector('.mud-dialog-container') !== null;
    if (dialogOpen && !open) {
        // The trap's own restore may come a moment later, leave the focus nowhere, or land on an element it noted too
        // late: for a second, until the user clicks or types, the focus goes back to the opener.
        const back = opener;
        let acted = false;
        const act = () => { acted = true; };
        addEventListener('pointerdown', act, { once: true, capture: true });
        addEventListener('keydown', act, { once: true, capture: true });
        const restore = () => {
            if (!acted && back?.isConnected && document.activeElement !== back && !document.querySelector('.mud-dialog-container')) back.focus();
        };
        [0, 100, 300, 1000].forEach(delay => setTimeout(restore, delay));
    }
    dialogOpen = open;
}

new MutationObserver(() => { queueTables(); returnFocus(); }).observe(document.documentElement, { childList: true, subtree: true });
addEventListener('resize', queueTables);
queueTables();

// The public form comes back with its problems listed first: the list takes the focus, so a phone shows it and a screen
// reader reads it (the page is a full load after the post, so this runs then).
// Each problem links to its field, which takes the focus (a fragment alone would only scroll there).
document.querySelector('.error-summary')?.focus();
document.addEventListener('click', e => {
    const link = e.target.closest('.error-summary a[href^="#"]');
    const field = link && document.getElementById(link.getAttribute('href').slice(1));
    if (!field) return;
    e.preventDefault();
    field.scrollIntoView({ block: 'center' });
    field.focus();
}, true);

// The portal's receipt: copy the tracking code (or select it where the clipboard is refused); share it where the phone can.
document.addEventListener('click', async e => {
    const copy = e.target.closest('[data-copy]');
    if (copy) {
        const code = document.getElementById(copy.dataset.copy);
        try {
            await navigator.clipboard.writeText(code.textContent.trim());
            copy.parentElement.querySelector('.copy-status').textContent = copy.dataset.copied;
        } catch {
            getSelection().selectAllChildren(code);
        }
    }
    const share = e.target.closest('[data-share]');
    if (share) navigator.share({ title: share.dataset.shareTitle, url: new URL(share.dataset.share, location.href).href }).catch(() => {});
});
if (navigator.share) document.querySelectorAll('[data-share][hidden]').forEach(button => button.hidden = false);
