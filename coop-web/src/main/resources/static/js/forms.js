// A file field refuses at once, beside itself, a file larger than Coop keeps (the page's coop-max-upload), before
// anything is sent. Without script the server refuses it, with a page saying so.
(function () {
    var max = document.querySelector('meta[name=coop-max-upload]');
    var message = document.querySelector('meta[name=coop-max-upload-message]');
    if (!max || !message) {
        return;
    }
    document.querySelectorAll('input[type=file].upload').forEach(function (input) {
        input.addEventListener('change', function () {
            var file = input.files && input.files[0];
            input.setCustomValidity(file && file.size > Number(max.content) ? message.content : '');
            input.reportValidity();
        });
    });
})();

// Enter in a field that has a button of its own (the party search of a draft's row) presses that button, not the
// form's first. Without script Enter sends the form's first button, and the row's button still searches.
(function () {
    document.querySelectorAll('input[data-enter]').forEach(function (input) {
        input.addEventListener('keydown', function (event) {
            var button = document.getElementById(input.getAttribute('data-enter'));
            if (event.key === 'Enter' && button) {
                event.preventDefault();
                button.click();
            }
        });
    });
})();
