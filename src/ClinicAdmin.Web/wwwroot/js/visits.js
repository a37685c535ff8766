// Visit form: live mg/kg from dose and weight (the server computes it again on check and save). No inline script (CSP).
(function () {
    var dose = document.getElementById('Input_DoseMg');
    var weight = document.getElementById('Input_WeightKg');
    var out = document.getElementById('mg-per-kg');
    if (!dose || !weight || !out) return;
    function update() {
        var d = parseFloat(dose.value), w = parseFloat(weight.value);
        out.textContent = d > 0 && w > 0 && w <= 400 ? (Math.round(d / w * 1000) / 1000).toString() : '—';
    }
    dose.addEventListener('input', update);
    weight.addEventListener('input', update);
})();

// Choosing the location sets the place of service to that location's default (the user can still change it after).
(function () {
    var location = document.querySelector('select[data-pos-target]');
    if (!location) return;
    var pos = document.getElementById(location.getAttribute('data-pos-target'));
    if (!pos) return;
    location.addEventListener('change', function () {
        var option = location.options[location.selectedIndex];
        var code = option ? option.getAttribute('data-pos') : null;
        if (code) pos.value = code;
    });
})();

// Prices and the running total follow the arrival date: the server prices every service on that date (the price history,
// or the price already billed) and totals the ticked lines; this only sends the date and lines and shows the answer.
(function () {
    var form = document.getElementById('visit-form');
    var total = document.getElementById('visit-total');
    var date = document.getElementById('Input_StartedAt');
    if (!form || !total || !date || !form.getAttribute('data-prices-url') || !window.fetch) return;
    var pending = 0;
    function rowsOf() { return form.querySelectorAll('tr[data-service]'); }
    function update() {
        var url = new URL(form.getAttribute('data-prices-url'), window.location.href);
        url.searchParams.set('handler', 'Prices');
        if (date.value) url.searchParams.set('at', date.value);
        rowsOf().forEach(function (row) {
            var box = row.querySelector('input[type=checkbox]');
            if (!box || !box.checked) return;
            var units = row.querySelector('.units-cell input');
            var u = units && units.value.trim() ? ':' + units.value.trim() : '';
            url.searchParams.append('line', row.getAttribute('data-service') + u);
        });
        var mine = ++pending;
        fetch(url.toString(), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (answer) {
                if (!answer || mine !== pending) return;   // a later change already asked again
                Object.keys(answer.prices).forEach(function (id) {
                    var cell = form.querySelector('[data-price-for="' + id + '"]');
                    if (cell) cell.textContent = answer.prices[id];
                });
                total.textContent = answer.total;
            })
            .catch(function () { /* the page keeps the prices it was rendered with; saving prices on the server anyway */ });
    }
    date.addEventListener('change', update);
    form.addEventListener('change', function (e) {
        var t = e.target;
        if (t && (t.type === 'checkbox' || (t.closest && t.closest('.units-cell')))) update();
    });
})();

// Vital signs are checked against the clinic's limits as they are typed: the server applies the domain's rule and
// answers with the warnings (which value, which limit); this only sends the vitals fields and lists the answer.
(function () {
    var table = document.getElementById('vitals');
    var live = document.getElementById('vitals-live');
    if (!table || !live || !table.getAttribute('data-warnings-url') || !window.fetch) return;
    var timer = 0, pending = 0;
    function show(warnings) {
        live.replaceChildren();
        if (!warnings.length) return;
        var box = document.createElement('div');
        box.className = 'alert alert-warning py-2 mb-0';
        var list = document.createElement('ul');
        list.className = 'mb-0';
        warnings.forEach(function (w) { var li = document.createElement('li'); li.textContent = w; list.appendChild(li); });
        box.appendChild(list);
        live.appendChild(box);
    }
    function check() {
        var url = new URL(table.getAttribute('data-warnings-url'), window.location.href);
        table.querySelectorAll('input[name]').forEach(function (i) { if (i.value.trim()) url.searchParams.set(i.name, i.value.trim()); });
        var mine = ++pending;
        fetch(url.toString(), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (answer) { if (answer && mine === pending) show(answer.warnings || []); })
            .catch(function () { /* Check and Save still give the warnings */ });
    }
    table.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(check, 300); });
})();
