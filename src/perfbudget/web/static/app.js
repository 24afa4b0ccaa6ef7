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
// A form answered with its errors (an error message on the page, its fields marked aria-invalid): the keyboard goes
// to the first marked field, unless the page put it somewhere already (autofocus). Until webflow23 the 自评 and 运行监控
// forms came back with the fields marked in red and the focus nowhere: the officer searched the long table for them.
(function () {
  if (!document.querySelector(".flash.error, [role=alert]") || document.querySelector("[autofocus]")) { return; }
  var active = document.activeElement;
  if (active && active !== document.body) { return; }
  var first = document.querySelector("main [aria-invalid=true]:not([type=hidden])");
  if (first && typeof first.focus === "function") { first.focus(); }
})();
