// While an extract is made in the background, its part of the page is fetched again every two seconds, so its
// progress moves without reloading the page (and without taking the reader's place or focus). The reader can stop it
// (WCAG 2.2.1); without script, the "update now" link reloads the page.
(function () {
    var job = document.getElementById('extract-job');
    var controls = document.getElementById('update-controls');
    if (!job || !controls) {
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
    function running(root) {
        return root.querySelector('#extract-job progress') !== null;
    }
    function schedule() {
        if (timer === null && !paused) {
            timer = setTimeout(update, 2000);
        }
    }
    function update() {
        timer = null;
        fetch(window.location.pathname, {credentials: 'same-origin'})
            .then(function (answer) { return answer.text(); })
            .then(function (html) {
                var page = new DOMParser().parseFromString(html, 'text/html');
                var fresh = page.getElementById('extract-job');
                if (fresh) {
                    job.replaceWith(fresh);
                    job = fresh;
                }
                if (running(document)) {
                    schedule();
                } else {
                    controls.remove();
                }
            });
    }
    if (running(document)) {
        schedule();
    }
})();
