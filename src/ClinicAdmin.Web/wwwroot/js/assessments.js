// Outcome scores: live total and band while answering. The server recomputes both with Scoring on save;
// the bands come from the server (data-bands), so this file holds no scoring rules of its own.
(function () {
    var form = document.getElementById('score-form');
    if (!form) return;
    var bands = JSON.parse(form.getAttribute('data-bands') || '[]');
    var count = parseInt(form.getAttribute('data-items'), 10);
    var isPhq9 = form.getAttribute('data-instrument') === 'Phq9';
    var totalEl = document.getElementById('score-total');
    var bandEl = document.getElementById('score-band');
    var missingEl = document.getElementById('score-missing');
    var safetyEl = document.getElementById('score-safety');

    function answerOf(k) {
        var checked = form.querySelector('input[name="Input.Items[' + k + ']"]:checked');
        return checked ? parseInt(checked.value, 10) : null;
    }

    function update() {
        var total = 0, missing = [];
        for (var k = 0; k < count; k++) {
            var a = answerOf(k);
            if (a === null) missing.push(k + 1); else total += a;
        }
        totalEl.textContent = missing.length === count ? '—' : String(total);
        bandEl.textContent = missing.length === 0 ? (bands[total] || '') : '—';
        missingEl.textContent = missing.length === 0 ? '' : (missing.length === count ? 'No items answered yet.' : 'Not answered: ' + missing.join(', '));
        if (safetyEl) {
            var item9 = isPhq9 ? answerOf(8) : null;
            safetyEl.classList.toggle('d-none', !(item9 !== null && item9 > 0));
        }
    }

    form.addEventListener('change', function (e) {
        if (e.target.classList.contains('score-answer')) update();
    });
    update();
})();
