// Progressive enhancement only: every page works without this file.
(function () {
    "use strict";

    // The main menu on small screens: a button that shows and hides it (CSS folds it; see base.css).
    var nav = document.querySelector("[data-main-nav]");
    if (nav) {
        var toggle = nav.querySelector(".main-nav__toggle");
        var setOpen = function (open) {
            toggle.setAttribute("aria-expanded", String(open));
            if (open) {
                nav.setAttribute("data-open", "");
            } else {
                nav.removeAttribute("data-open");
            }
        };
        toggle.addEventListener("click", function () {
            setOpen(toggle.getAttribute("aria-expanded") !== "true");
        });
        nav.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && nav.hasAttribute("data-open")) {
                setOpen(false);
                toggle.focus();
            }
        });
    }

    // A page opened at a target marked data-focus-on-arrival (the group finder's results count, after
    // "Show groups": its form's action ends in #results-heading): the browser scrolls there, and
    // focus goes there too, so the next Tab and a screen reader carry on from the results. Browsers
    // that follow the HTML standard focus it themselves; this is for those that only scroll.
    var arrival = window.location.hash.length > 1 && document.getElementById(window.location.hash.slice(1));
    if (arrival && arrival.hasAttribute("data-focus-on-arrival") && document.activeElement !== arrival) {
        arrival.focus();
    }

    // A form's error summary carries autofocus, which focuses it (and so brings it into view) without
    // JavaScript; some mobile browsers ignore autofocus, and the summary would stay below the fold.
    var summary = document.querySelector(".error-summary[autofocus]");
    if (summary && document.activeElement !== summary) {
        summary.focus();
    }

    // Embeds: the provider's player is fetched only when the visitor asks for it.
    document.querySelectorAll("[data-embed]").forEach(function (figure) {
        var template = figure.querySelector("template[data-embed-template]");
        var button = figure.querySelector("[data-embed-load]");
        if (!template || !button || !template.content.querySelector("iframe")) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", function () {
            var player = document.createElement("div");
            player.className = "embed__player";
            player.appendChild(template.content.cloneNode(true));
            var iframe = player.querySelector("iframe");
            if (iframe && !iframe.title) {
                iframe.title = figure.querySelector(".embed__title").textContent;
            }
            figure.replaceChildren(player);
            if (iframe) {
                iframe.focus();
            }
        });
    });
})();
