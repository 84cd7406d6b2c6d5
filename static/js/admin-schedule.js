// A group's meeting times in the admin (groups/panels.py DateBelowInput): the date picker opens
// below its field, never over the start and end times above it, so near the bottom of the
// window the page scrolls to show all of it. The picker is Wagtail's; this only moves the page.
(function () {
    "use strict";

    var watched = new WeakSet();

    function isShown(picker) {
        return picker.style.display !== "none" && picker.offsetParent !== null;
    }

    // Wagtail shows the picker a moment after the field gets focus: watch it from then on.
    document.addEventListener("focusin", function (event) {
        var input = event.target;
        if (!(input instanceof HTMLInputElement) || !input.hasAttribute("data-date-below")) {
            return;
        }
        var picker = input.parentElement.querySelector(".xdsoft_datetimepicker");
        if (!picker || watched.has(picker)) {
            return;
        }
        watched.add(picker);
        var shown = isShown(picker);
        new MutationObserver(function () {
            var now = isShown(picker);
            if (now && !shown) {
                picker.scrollIntoView({ block: "nearest" });
            }
            shown = now;
        }).observe(picker, { attributes: true, attributeFilter: ["style"] });
        if (shown) {
            picker.scrollIntoView({ block: "nearest" });
        }
    });
})();
