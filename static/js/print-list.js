// The printed list of groups (templates/groups/print_list.html): its "Print this list" button.
// The button is hidden until this file shows it, so without JavaScript the page does not offer a
// button that does nothing; the browser's own Print works either way.
(function () {
    "use strict";

    var button = document.querySelector("[data-print-list]");
    if (!button || typeof window.print !== "function") {
        return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
        window.print();
    });
})();
