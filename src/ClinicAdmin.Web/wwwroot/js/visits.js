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
