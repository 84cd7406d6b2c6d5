// The example client: reads the practice's API from another origin, with plain JavaScript.
// The site must list this page's origin in CORS_ALLOWED_ORIGINS (docs/api.md).
"use strict";

const DEFAULT_API = "http://127.0.0.1:8000";
const ARTICLE_COUNT = 6;
const GROUP_COUNT = 6;

function apiBase() {
  const given = new URLSearchParams(window.location.search).get("api") || DEFAULT_API;
  return given.replace(/\/+$/, "");
}

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "omit" });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = await response.json();
      message = body.message || body.detail || message;
    } catch (error) {
      // Not JSON: keep the status line.
    }
    throw new Error(message);
  }
  return response.json();
}

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== null && value !== undefined) node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

function picture(image) {
  if (!image) return null;
  return element("img", { src: image.url, width: image.width, height: image.height, alt: image.alt, loading: "lazy" });
}

function card(title, url, image, ...lines) {
  return element(
    "li",
    { class: "card" },
    picture(image),
    element(
      "div",
      { class: "card-body" },
      element("h3", null, element("a", { href: url }, title)),
      ...lines.filter(Boolean).map((line) => element("p", line.muted ? { class: "meta" } : null, line.text)),
    ),
  );
}

function formatDate(iso) {
  return new Date(`${iso}T12:00:00`).toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric" });
}

function formatMeeting(iso) {
  return new Date(iso).toLocaleString("en-US", {
    weekday: "long",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: "America/New_York",
  });
}

function fill(list, items) {
  list.replaceChildren(...items);
  list.setAttribute("aria-busy", "false");
}

async function loadArticles(base) {
  const fields = "intro,hero_image,date,reading_time";
  const data = await getJSON(
    `${base}/api/v2/pages/?type=blog.ArticlePage&order=-date&limit=${ARTICLE_COUNT}&fields=${fields}`,
  );
  return data.items.map((article) =>
    card(
      article.title,
      article.meta.html_url,
      article.hero_image,
      { text: `${formatDate(article.date)} · ${article.reading_time} min read`, muted: true },
      { text: article.intro },
    ),
  );
}

async function loadGroups(base) {
  const fields = "summary,image,next_meetings,meeting_format";
  const data = await getJSON(
    `${base}/api/v2/pages/?type=groups.SupportGroupPage&status=open&order=title&limit=${GROUP_COUNT}&fields=${fields}`,
  );
  return data.items.map((group) => {
    const next = group.next_meetings[0];
    return card(
      group.title,
      group.meta.html_url,
      group.image,
      { text: next ? `Next meeting: ${formatMeeting(next.start)}` : "No meeting planned yet", muted: true },
      { text: group.summary },
    );
  });
}

async function loadCrisis(base) {
  const practice = await getJSON(`${base}/api/v2/site-settings/`);
  const crisis = practice.crisis;
  document.getElementById("crisis-heading").textContent = crisis.heading;
  document.getElementById("crisis-text").textContent =
    `Call or text ${crisis.call_or_text}. In immediate danger, call ${crisis.emergency_number}.`;
  document.getElementById("crisis").hidden = false;
}

async function load() {
  const base = apiBase();
  const status = document.getElementById("status");
  document.getElementById("api-base").value = base;
  status.classList.remove("error");
  status.textContent = `Loading from ${base}…`;
  try {
    const [articles, groups] = await Promise.all([loadArticles(base), loadGroups(base), loadCrisis(base)]);
    fill(document.getElementById("articles"), articles);
    fill(document.getElementById("groups"), groups);
    status.textContent = `Showing ${articles.length} articles and ${groups.length} open groups from ${base}.`;
  } catch (error) {
    status.classList.add("error");
    status.textContent = `Could not read the API at ${base}: ${error.message}. Is this page's origin in the site's CORS_ALLOWED_ORIGINS?`;
    for (const id of ["articles", "groups"]) document.getElementById(id).setAttribute("aria-busy", "false");
  }
}

document.getElementById("settings").addEventListener("submit", (event) => {
  event.preventDefault();
  const url = new URL(window.location.href);
  url.searchParams.set("api", document.getElementById("api-base").value);
  window.history.replaceState(null, "", url);
  load();
});

load();
