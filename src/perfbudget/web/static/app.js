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
// Move an indicator row up or down within its group (same 一级 and 二级); saving keeps the groups
// in the framework's order, so a move across groups would be undone: it is not offered.
document.addEventListener("click", function (event) {
  var el = event.target;
  if (!(el.matches && el.matches("button[data-move-row]"))) { return; }
  event.preventDefault();
  var row = el.closest("tr");
  var up = el.getAttribute("data-move-row") === "up";
  var other = up ? row.previousElementSibling : row.nextElementSibling;
  function group(tr) {
    var l1 = tr.querySelector("[name=l1]"), l2 = tr.querySelector("[name=l2]");
    return (l1 ? l1.value : "") + "|" + (l2 ? l2.value.trim() : "");
  }
  if (!other || group(other) !== group(row)) { return; }
  if (up) { row.parentNode.insertBefore(row, other); } else { row.parentNode.insertBefore(other, row); }
  var form = row.closest("form");
  if (form) { form.dispatchEvent(new Event("input", { bubbles: true })); }
});
// Boxes closed on narrow screens (the project list's 筛选 without a filter set) open on wide ones.
(function () {
  if (!(window.matchMedia && window.matchMedia("(min-width: 721px)").matches)) { return; }
  document.querySelectorAll("details[data-open-wide]").forEach(function (box) { box.open = true; });
})();
