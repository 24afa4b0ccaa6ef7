// Small behaviours without inline scripts (the CSP forbids them).
document.addEventListener("change", function (event) {
  var el = event.target;
  if (el.matches && el.matches("select[data-autosubmit]")) { el.form.submit(); }
});
// Buttons that remove their table row (indicator editor).
document.addEventListener("click", function (event) {
  var el = event.target;
  if (el.matches && el.matches("button[data-remove-row]")) {
    event.preventDefault();
    var row = el.closest("tr");
    var form = el.closest("form");
    if (row) { row.remove(); }
    if (form) { form.dispatchEvent(new Event("input", { bubbles: true })); }
  }
});
// The menu button of narrow screens opens and closes the menu.
document.addEventListener("click", function (event) {
  var el = event.target;
  if (el.matches && el.matches("button.menu-toggle")) {
    var header = el.closest("header");
    var open = header.classList.toggle("open");
    el.setAttribute("aria-expanded", open ? "true" : "false");
  }
});
