// Progressive enhancement only: every page works without this file.
(function () {
    "use strict";

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
