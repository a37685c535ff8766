// Site behaviour. No inline handlers: the CSP forbids inline script.
// Forms marked data-confirm ask before submitting.
document.addEventListener('submit', function (e) {
    if (e.defaultPrevented) { return; } // the client-side check below found problems: no confirmation, no disabled button
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

// Forms that help, before a round-trip: on submit, every field's simple rules (required, lengths, min/max, number, date,
// pattern: the attributes PageKit/FormHelpTagHelpers.cs derives from the model) are checked at once and listed in the
// same summary the server writes, each field marked and described by its message. The server still decides every rule.
// A form opts out with data-no-client-check; a button with formnovalidate or its own formaction skips the check.
(function () {
    function optedOut(form) { return !form || form.hasAttribute('data-no-client-check'); }

    // The fields a person can see and fix; one entry per radio group.
    function checkable(form) {
        var radios = {};
        return Array.prototype.filter.call(form.elements, function (f) {
            if (!f.willValidate || f.disabled || ['hidden', 'submit', 'button', 'reset', 'image'].indexOf(f.type) >= 0) { return false; }
            if (!f.getClientRects().length) { return false; } // not shown (a collapsed section): the server judges it
            if (f.type === 'radio') { if (radios[f.name]) { return false; } radios[f.name] = true; }
            return true;
        });
    }

    function labelOf(field) {
        var label = field.labels && field.labels.length ? field.labels[0].textContent : (field.getAttribute('aria-label') || field.name || '');
        return label.replace(/\s+/g, ' ').replace(/[\s*:]+$/, '').trim();
    }

    // A text box for a number of the model (data-val-number, or min/max): the browser checks these only on type=number.
    function numberProblem(field) {
        var bounded = field.hasAttribute('min') || field.hasAttribute('max') || field.hasAttribute('data-val-number');
        if (field.type !== 'text' || !bounded || !/^(numeric|decimal)$/.test(field.inputMode || '') || field.value.trim() === '') { return null; }
        var n = Number(field.value.trim().replace(/^\$/, '').replace(/,/g, ''));
        if (isNaN(n)) { return 'number'; }
        if (field.hasAttribute('min') && n < Number(field.getAttribute('min'))) { return 'min'; }
        if (field.hasAttribute('max') && n > Number(field.getAttribute('max'))) { return 'max'; }
        return null;
    }

    // The server's own message when the model gave one (data-val-*), else the field's label and the browser's reason.
    function messageOf(field) {
        var v = field.validity, label = labelOf(field);
        function val(name) { return field.getAttribute('data-val-' + name); }
        function said(reason) { return label ? label + ': ' + reason : reason; }
        var custom = numberProblem(field);
        if (v.valueMissing) { return val('required') || said(field.validationMessage); }
        if (v.badInput || v.typeMismatch || custom === 'number') { return val('number') || val('email') || val('url') || said(field.validationMessage || 'enter a number.'); }
        if (v.rangeUnderflow || v.rangeOverflow || custom === 'min' || custom === 'max') {
            if (val('range')) { return val('range'); }
            if (custom === 'min') { return said('must be ' + field.getAttribute('min') + ' or more.'); }
            if (custom === 'max') { return said('must be ' + field.getAttribute('max') + ' or less.'); }
            return said(field.validationMessage);
        }
        if (v.tooShort || v.tooLong) { return val('length') || val('minlength') || val('maxlength') || said(field.validationMessage); }
        if (v.patternMismatch) { return val('regex') || said(field.validationMessage); }
        if (v.stepMismatch) { return said(field.validationMessage); }
        return v.valid ? null : said(field.validationMessage);
    }

    function problemOf(field) { return field.validity.valid && !numberProblem(field) ? null : messageOf(field); }

    function messageElementOf(form, field) {
        var el = field.name ? form.querySelector('[data-valmsg-for="' + CSS.escape(field.name) + '"]') : null;
        if (!el) { el = document.getElementById(field.id + '-error'); }
        if (!el) {
            el = document.createElement('div');
            el.className = 'text-danger small';
            el.setAttribute('data-client-error', '');
            (field.closest('.input-group') || field).insertAdjacentElement('afterend', el);
        }
        if (!el.id) { el.id = (field.id || field.name.replace(/[^\w-]/g, '_')) + '-error'; }
        return el;
    }

    function describedBy(field, id, add) {
        var ids = (field.getAttribute('aria-describedby') || '').split(/\s+/).filter(function (x) { return x && x !== id; });
        if (add) { ids.unshift(id); }
        if (ids.length) { field.setAttribute('aria-describedby', ids.join(' ')); } else { field.removeAttribute('aria-describedby'); }
    }

    function mark(form, field, message) {
        var el = messageElementOf(form, field);
        el.textContent = message;
        el.classList.remove('field-validation-valid');
        el.classList.add('field-validation-error');
        field.classList.add('is-invalid');
        field.setAttribute('aria-invalid', 'true');
        field.setAttribute('data-client-invalid', '');
        describedBy(field, el.id, true);
    }

    function clear(form, field) {
        if (!field.hasAttribute('data-client-invalid')) { return; }
        var el = messageElementOf(form, field);
        el.textContent = '';
        el.classList.remove('field-validation-error');
        el.classList.add('field-validation-valid');
        field.classList.remove('is-invalid');
        field.removeAttribute('aria-invalid');
        field.removeAttribute('data-client-invalid');
        describedBy(field, el.id, false);
        var summary = document.getElementById('error-summary');
        if (summary) {
            var link = summary.querySelector('a[href="#' + CSS.escape(field.id) + '"]');
            if (link) { link.closest('li').remove(); }
            var left = summary.querySelectorAll('li').length;
            if (left === 0) { summary.remove(); } else { summary.querySelector('p').textContent = heading(left); }
        }
    }

    function heading(count) { return count === 1 ? 'Please correct this problem:' : 'Please correct these ' + count + ' problems:'; }

    // The markup of PageKit's ErrorSummaryTagHelper, so styles, tests and screen readers meet one summary.
    function showSummary(form, problems) {
        var summary = form.querySelector('#error-summary, [data-valmsg-summary]') || document.getElementById('error-summary');
        if (!summary) {
            summary = document.createElement('div');
            form.insertBefore(summary, form.firstChild);
        }
        summary.className = 'alert alert-danger error-summary validation-summary-errors';
        summary.setAttribute('role', 'alert');
        summary.id = 'error-summary';
        summary.tabIndex = -1;
        summary.removeAttribute('style');
        summary.textContent = '';
        var p = document.createElement('p');
        p.className = 'fw-semibold mb-1';
        p.textContent = heading(problems.length);
        var list = document.createElement('ul');
        list.className = 'mb-0';
        problems.forEach(function (problem) {
            var item = document.createElement('li');
            var link = document.createElement('a');
            link.href = '#' + problem.field.id;
            link.className = 'alert-link';
            link.textContent = problem.message;
            item.appendChild(link);
            list.appendChild(item);
        });
        summary.appendChild(p);
        summary.appendChild(list);
        summary.focus();
    }

    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('form').forEach(function (form) {
            if (!optedOut(form)) { form.noValidate = true; } // no one-at-a-time bubbles: the summary lists them all
        });
    });

    // Capture phase: runs before the confirmation and double-submit guard above.
    document.addEventListener('submit', function (e) {
        var form = e.target, by = e.submitter;
        if (optedOut(form) || (by && (by.hasAttribute('formnovalidate') || by.hasAttribute('formaction')))) { return; }
        var problems = [];
        checkable(form).forEach(function (field) {
            clear(form, field);
            var message = problemOf(field);
            if (message) { problems.push({ field: field, message: message }); }
        });
        if (problems.length === 0) { return; }
        e.preventDefault();
        e.stopImmediatePropagation();
        problems.forEach(function (p) { mark(form, p.field, p.message); });
        showSummary(form, problems);
    }, true);

    // Fix as you type: a field the check marked is cleared as soon as its value passes.
    function recheck(e) {
        var field = e.target;
        if (!field.hasAttribute || !field.hasAttribute('data-client-invalid') || !field.form) { return; }
        if (!problemOf(field)) { clear(field.form, field); }
    }
    document.addEventListener('input', recheck);
    document.addEventListener('change', recheck);

    // A link in a summary (the server's or this one) puts the cursor in its field, not just the page at it.
    document.addEventListener('click', function (e) {
        var link = e.target.closest && e.target.closest('.error-summary a[href^="#"]');
        if (!link) { return; }
        var field = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
        if (!field) { return; }
        e.preventDefault();
        field.focus();
        field.scrollIntoView({ block: 'center' });
    });
})();
