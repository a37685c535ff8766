// Site behaviour. No inline handlers: the CSP forbids inline script.
// Forms marked data-confirm ask before submitting.
document.addEventListener('submit', function (e) {
    var msg = e.target.getAttribute('data-confirm');
    if (msg && !window.confirm(msg)) { e.preventDefault(); return; }
    // One submit per click: disable the button so a double click cannot post twice.
    var btn = e.submitter;
    if (btn && !e.defaultPrevented) { setTimeout(function () { btn.disabled = true; }, 0); }
});
