// The printable report's Print button, opened from the extension (whose pages allow no
// inline script).
document.querySelector('button[data-print]')?.addEventListener('click', () => print());
