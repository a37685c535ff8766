// Site behaviour. No inline handlers: the CSP forbids inline script.
// Forms marked data-confirm ask before submitting.
document.addEventListener('submit', function (e) {
    var msg = e.target.getAttribute('data-confirm');
    if (msg && !window.confirm(msg)) { e.preventDefault(); return; }
    // One submit per click: disable the button so a double click cannot post twice.
    var btn = e.submitter;
    if (btn && !e.defaultPrevented) { setTimeout(function () { btn.disabled = true; }, 0); }
});

// Forms that help (PageKit/FormHelpTagHelpers.cs writes the markup).
document.addEventListener('DOMContentLoaded', function () {
    // After a refused post, start at the list of problems: each is a link to its field.
    var summary = document.getElementById('error-summary');
    if (summary) { summary.focus(); }

    // Long text fields show how much room is left, and say so when a paste was longer than the field allows.
    document.querySelectorAll('[data-counter][maxlength]').forEach(function (field) {
        var max = parseInt(field.getAttribute('maxlength'), 10);
        var counter = document.createElement('div');
        counter.className = 'form-text field-counter';
        counter.id = field.id + '-counter';
        counter.setAttribute('aria-live', 'polite');
        field.insertAdjacentElement('afterend', counter);
        var described = field.getAttribute('aria-describedby');
        field.setAttribute('aria-describedby', (described ? described + ' ' : '') + counter.id);
        var cut = 0;
        function update() {
            var text = field.value.length + ' of ' + max + ' characters';
            if (cut > 0) { text += ' — the pasted text was ' + cut + ' characters long; only the first ' + max + ' fit.'; }
            counter.textContent = text;
            counter.classList.toggle('text-danger', cut > 0 || field.value.length >= max);
        }
        field.addEventListener('input', function () { if (field.value.length < max) { cut = 0; } update(); });
        field.addEventListener('paste', function (e) {
            var pasted = (e.clipboardData || window.clipboardData).getData('text') || '';
            var room = max - field.value.length + (field.selectionEnd - field.selectionStart);
            cut = pasted.length > room ? pasted.length : 0;
        });
        update();
    });
});
