// The shell's drop-down menus are <details> elements and the drawer a checkbox (Components/Layout/MainLayout.razor):
// close menus on a click elsewhere, on Escape and after a choice; close the drawer over the page on phones after a choice.
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
