// While a rebuild runs, the read models' table is fetched again every second, so the progress bar moves without
// reloading the page (and without taking the reader's place or focus). The reader can stop it (WCAG 2.2.1); without
// script, the "update now" link reloads the page.
(function () {
    var table = document.getElementById('read-models');
    var controls = document.getElementById('update-controls');
    var status = document.getElementById('update-status');
    if (!table || !controls) {
        return;
    }
    var paused = false;
    var timer = null;
    var pause = document.getElementById('pause-updates');
    pause.hidden = false;
    pause.addEventListener('click', function () {
        paused = !paused;
        pause.textContent = paused ? pause.dataset.resume : pause.dataset.pause;
        pause.setAttribute('aria-pressed', paused ? 'true' : 'false');
        if (!paused) {
            schedule();
        }
    });
    function rebuilding(root) {
        return root.querySelector('#read-models progress') !== null;
    }
    function schedule() {
        if (timer === null && !paused) {
            timer = setTimeout(update, 1000);
        }
    }
    function update() {
        timer = null;
        fetch(window.location.pathname, {credentials: 'same-origin'})
            .then(function (answer) { return answer.text(); })
            .then(function (html) {
                var page = new DOMParser().parseFromString(html, 'text/html');
                var fresh = page.getElementById('read-models');
                if (fresh) {
                    table.replaceWith(fresh);
                    table = fresh;
                }
                if (rebuilding(document)) {
                    schedule();
                } else {
                    status.textContent = status.dataset.done;
                    pause.hidden = true;
                    var running = document.getElementById('rebuild-running');
                    if (running) {
                        running.hidden = true;
                    }
                }
            });
    }
    if (rebuilding(document)) {
        schedule();
    } else {
        pause.hidden = true;
    }
})();
