// Opened with ?print=1 from a report: show the browser's print dialog once the page is laid out.
window.addEventListener('load', () => window.print());
