// Progress indicator for htmx requests (no inline scripts: the CSP forbids them).
document.addEventListener("htmx:beforeRequest", () => document.body.classList.add("busy"));
document.addEventListener("htmx:afterRequest", () => document.body.classList.remove("busy"));
