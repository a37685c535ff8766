// Clinic settings: a checkbox with data-toggles="#id" hides that block while it is checked
// (the server ignores the hidden fields anyway, so this is only for a tidier form).
document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('input[type=checkbox][data-toggles]').forEach(function (box) {
        var target = document.querySelector(box.getAttribute('data-toggles'));
        if (!target) return;
        var sync = function () { target.classList.toggle('d-none', box.checked); };
        box.addEventListener('change', sync);
        sync();
    });
});
