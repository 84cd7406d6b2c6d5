// "Use my location" on the group finder and What's on: progressive enhancement, the ZIP code field works without it.
// Only when the visitor presses the button does the browser ask for the position (and asks the visitor
// first). The position is rounded to two decimal places (about half a mile) here, before it leaves the
// browser, and goes only into this search's own URL: nothing is stored (home/near_me.py, home/geo.py).
(function () {
    "use strict";

    var near = document.querySelector("[data-near-me]");
    if (!near || !("geolocation" in navigator)) {
        return;
    }
    var form = near.closest("form");
    var controls = near.querySelector("[data-near-me-controls]");
    var button = near.querySelector("[data-near-me-button]");
    var status = near.querySelector("[data-near-me-status]");
    var zip = form.elements.namedItem("zip");
    var lat = form.elements.namedItem("lat");
    var lng = form.elements.namedItem("lng");
    if (!controls || !button || !status || !zip || !lat || !lng) {
        return;
    }
    controls.hidden = false;

    // A ZIP code typed after using the location replaces it: what the form shows is what is searched.
    zip.addEventListener("input", function () {
        lat.value = "";
        lng.value = "";
    });

    button.addEventListener("click", function () {
        button.disabled = true;
        status.textContent = "Finding your location…";
        navigator.geolocation.getCurrentPosition(
            function (position) {
                lat.value = position.coords.latitude.toFixed(2);
                lng.value = position.coords.longitude.toFixed(2);
                zip.value = "";
                status.textContent = "Searching near you…";
                if (form.requestSubmit) {
                    form.requestSubmit();
                } else {
                    form.submit();
                }
            },
            function (error) {
                button.disabled = false;
                status.textContent =
                    error.code === error.PERMISSION_DENIED
                        ? "Your browser did not share your location. You can type your ZIP code instead."
                        : "We could not find your location just now. You can type your ZIP code instead.";
            },
            { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 }
        );
    });
})();
