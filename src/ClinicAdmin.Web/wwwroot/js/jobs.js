// Live progress on the jobs page: polls the Status handler for unfinished runs every 2 s.
(function () {
    var table = document.getElementById('jobs');
    if (!table) return;
    function pending() {
        return Array.prototype.map.call(table.querySelectorAll('tr[data-run][data-finished="0"]'), function (tr) { return tr.getAttribute('data-run'); });
    }
    function poll() {
        var ids = pending();
        if (ids.length === 0) return;
        var url = location.pathname + '?handler=Status&' + ids.map(function (i) { return 'ids=' + encodeURIComponent(i); }).join('&');
        fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
            .then(function (r) { return r.ok ? r.json() : []; })
            .then(function (rows) {
                var reload = false;
                rows.forEach(function (row) {
                    var tr = table.querySelector('tr[data-run="' + row.id + '"]');
                    if (!tr) return;
                    var bar = tr.querySelector('[data-field=progress]');
                    if (bar) { bar.max = Math.max(row.total, 1); bar.value = row.done; }
                    var text = tr.querySelector('[data-field=text]');
                    if (text) text.textContent = row.text || '';
                    var status = tr.querySelector('[data-field=status]');
                    if (status && status.textContent !== row.status) { status.textContent = row.status; }
                    if (['Succeeded', 'Failed', 'Cancelled'].indexOf(row.status) >= 0) { reload = true; }
                });
                // A finished run changes its buttons (download, retry): redraw the page once.
                if (reload) location.reload(); else setTimeout(poll, 2000);
            })
            .catch(function () { setTimeout(poll, 5000); });
    }
    setTimeout(poll, 2000);
})();
