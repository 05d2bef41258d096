// While something runs on the server — a rebuild, an extract made in the background — the part of the page that shows
// it (the element with data-updates) is fetched again every data-every milliseconds and replaced, so its progress
// moves without reloading the page (and without taking the reader's place or focus). It runs while that part holds a
// <progress>. The reader can stop it (WCAG 2.2.1); without script, the "update now" link reloads the page. Once done,
// the pause button goes, the status says data-done (where there is one) and what is marked data-gone-when-done goes.
(function () {
    var region = document.querySelector('[data-updates]');
    var pause = document.getElementById('pause-updates');
    if (!region || !pause) {
        return;
    }
    var every = parseInt(region.dataset.updates, 10) || 1000;
    var status = document.getElementById('update-status');
    var paused = false;
    var timer = null;
    pause.hidden = false;
    pause.addEventListener('click', function () {
        paused = !paused;
        pause.textContent = paused ? pause.dataset.resume : pause.dataset.pause;
        pause.setAttribute('aria-pressed', paused ? 'true' : 'false');
        if (!paused) {
            schedule();
        }
    });
    function running() {
        return region.querySelector('progress') !== null;
    }
    function schedule() {
        if (timer === null && !paused) {
            timer = setTimeout(update, every);
        }
    }
    function done() {
        pause.hidden = true;
        if (status && status.dataset.done) {
            status.textContent = status.dataset.done;
        }
        document.querySelectorAll('[data-gone-when-done]').forEach(function (gone) {
            gone.remove();
        });
    }
    function update() {
        timer = null;
        fetch(window.location.pathname, {credentials: 'same-origin'})
            .then(function (answer) { return answer.text(); })
            .then(function (html) {
                var page = new DOMParser().parseFromString(html, 'text/html');
                var fresh = page.getElementById(region.id);
                if (fresh) {
                    region.replaceWith(fresh);
                    region = fresh;
                }
                if (running()) {
                    schedule();
                } else {
                    done();
                }
            });
    }
    if (running()) {
        schedule();
    } else {
        pause.hidden = true;
    }
})();
