// Staff pages: credential suggestions and the weekly availability editor. Progressive enhancement only:
// every form works without this file (one blank slot per day is always there; clearing both times removes a slot).
(function () {
    'use strict';

    // --- Credentials: clicking a suggestion appends it ("MSN" then "PMHNP-BC" gives "MSN, PMHNP-BC").
    document.querySelectorAll('.credential-chips').forEach(function (box) {
        var input = document.getElementById(box.getAttribute('data-target'));
        if (!input) return;
        box.classList.remove('d-none');
        box.addEventListener('click', function (e) {
            var btn = e.target.closest('[data-credential]');
            if (!btn) return;
            var value = btn.getAttribute('data-credential');
            var parts = input.value.split(',').map(function (p) { return p.trim(); }).filter(Boolean);
            if (parts.indexOf(value) < 0) parts.push(value);
            input.value = parts.join(', ');
            input.focus();
        });
    });

    // --- Availability editor.
    var form = document.getElementById('availability-form');
    if (!form) return;
    var template = document.getElementById('slot-template');

    function rowCount() { return form.querySelectorAll('[data-slot-row]').length; }

    // Rows are never removed from the page, only cleared and hidden, so the posted indexes stay 0..n-1.
    // The quick fill reuses a day's empty row; the "Add a slot" button always adds one.
    function addRow(day, start, end) {
        var list = form.querySelector('[data-day-slots="' + day + '"]');
        var row = start === undefined ? null : Array.prototype.find.call(list.querySelectorAll('[data-slot-row]:not(.d-none)'), function (r) {
            return !r.querySelector('.slot-start').value && !r.querySelector('.slot-end').value;
        });
        if (!row) {
            var i = rowCount();
            row = template.content.firstElementChild.cloneNode(true);
            row.querySelectorAll('[data-name]').forEach(function (el) {
                var name = el.getAttribute('data-name');
                el.name = 'Input.Slots[' + i + '].' + name;
                el.id = 'Input_Slots_' + i + '__' + name;
            });
            // Times are parsed culture-invariantly, as for the rows the server renders.
            row.querySelectorAll('[data-invariant]').forEach(function (el) {
                el.value = 'Input.Slots[' + i + '].' + el.getAttribute('data-invariant');
            });
            row.querySelector('[data-name="Day"]').value = day;
            list.appendChild(row);
        }
        if (start !== undefined) row.querySelector('.slot-start').value = start;
        if (end !== undefined) row.querySelector('.slot-end').value = end;
        return row;
    }

    form.querySelectorAll('[data-add-slot]').forEach(function (btn) {
        btn.classList.remove('d-none');
        btn.addEventListener('click', function () {
            var row = addRow(btn.getAttribute('data-add-slot'));
            row.querySelector('.slot-start').focus();
        });
    });
    form.querySelectorAll('[data-clear-slot]').forEach(function (btn) { btn.classList.remove('d-none'); });
    form.addEventListener('click', function (e) {
        var btn = e.target.closest('[data-clear-slot]');
        if (!btn) return;
        var row = btn.closest('[data-slot-row]');
        row.querySelectorAll('input[type=time]').forEach(function (el) { el.value = ''; });
        row.classList.add('d-none');
    });

    var quick = document.getElementById('quick-fill');
    if (quick) {
        quick.classList.remove('d-none');
        document.getElementById('qf-apply').addEventListener('click', function () {
            var start = document.getElementById('qf-start').value, end = document.getElementById('qf-end').value;
            if (!start || !end) return;
            quick.querySelectorAll('[data-quick-day]:checked').forEach(function (box) { addRow(box.value, start, end); });
        });
    }
})();
