// Patient form: fill in the description of a common ICD-10-CM code, and add diagnosis rows. No inline script (CSP).
(function () {
    var table = document.getElementById('diagnoses');
    if (!table) return;
    var known = {};
    document.querySelectorAll('#common-icd10 option').forEach(function (o) { known[o.value.toUpperCase()] = o.textContent; });

    table.addEventListener('change', function (e) {
        var input = e.target;
        if (!input.name || !/\.Code$/.test(input.name)) return;
        var code = input.value.trim().toUpperCase();
        var description = input.closest('tr').querySelector('input[name$=".Description"]');
        if (known[code] && description && !description.value) description.value = known[code];
    });

    var add = document.getElementById('add-diagnosis');
    add.classList.remove('d-none');
    add.addEventListener('click', function () {
        var rows = table.querySelectorAll('tbody tr');
        var last = rows[rows.length - 1];
        var copy = last.cloneNode(true);
        var n = rows.length;
        copy.querySelectorAll('input').forEach(function (i) {
            if (i.type === 'radio') { i.value = String(n); i.checked = false; }
            else {
                i.name = i.name.replace(/\[\d+\]/, '[' + n + ']');
                i.id = i.id.replace(/_\d+__/, '_' + n + '__');
                i.value = '';
            }
            if (i.getAttribute('aria-label')) i.setAttribute('aria-label', i.getAttribute('aria-label').replace(/\d+$/, String(n + 1)));
        });
        copy.querySelectorAll('.text-danger').forEach(function (s) { s.textContent = ''; s.setAttribute('data-valmsg-for', s.getAttribute('data-valmsg-for').replace(/\[\d+\]/, '[' + n + ']')); });
        last.parentNode.appendChild(copy);
        copy.querySelector('input').focus();
    });
})();
