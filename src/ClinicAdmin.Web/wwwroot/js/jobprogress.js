// Live progress box (Features/Jobs/_JobProgressBox.cshtml): fetches the run's fragment every 2 s and swaps it in,
// until the fragment says the run is finished. Without this script the box keeps the state at page load and a Refresh link.
(function () {
    var box = document.getElementById('job-box');
    if (!box) return;
    var url = box.getAttribute('data-job-status-url');
    function finished() {
        var f = box.querySelector('[data-job-finished]');
        return !f || f.getAttribute('data-job-finished') === '1';
    }
    function poll() {
        fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' }, cache: 'no-store' })
            .then(function (r) { if (!r.ok) throw new Error('status ' + r.status); return r.text(); })
            .then(function (html) {
                box.innerHTML = html;
                if (!finished()) setTimeout(poll, 2000);
            })
            .catch(function () { setTimeout(poll, 5000); });
    }
    if (!finished()) setTimeout(poll, 2000);
})();
