// Incident form: suggest the onset (minutes after the visit's start) from the time it occurred, until the clinician
// types an onset of their own. The server stores what is in the field; nothing here is a rule.
(function () {
    var form = document.getElementById('incident-form');
    if (!form) return;
    var start = form.getAttribute('data-dose-start');
    var occurred = document.getElementById('Input_OccurredAt');
    var onset = document.getElementById('Input_OnsetMinutesAfterDose');
    if (!start || !occurred || !onset) return;
    var typedByHand = onset.value !== '';
    onset.addEventListener('input', function () { typedByHand = onset.value !== ''; });

    function suggest() {
        if (typedByHand || !occurred.value) return;
        var minutes = Math.round((new Date(occurred.value) - new Date(start)) / 60000);
        onset.value = minutes >= 0 ? String(minutes) : '';
    }
    // Only once the time is changed: the prefilled time (now, or the visit's start) says nothing about the onset.
    occurred.addEventListener('change', suggest);
})();
