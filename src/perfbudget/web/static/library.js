// The indicator library's suggestions (申报 and 修改): a suggested indicator added with one click
// lands in its group of the editor (after the last row with the same 一级 and 二级 indicator, else
// after the last row with the same 一级), not at the end of the table. No inline script: the CSP
// forbids them.
document.addEventListener("htmx:afterSwap", function (event) {
  var source = event.detail && event.detail.requestConfig && event.detail.requestConfig.elt;
  if (!(source && source.matches && source.matches("button.add-suggestion"))) { return; }
  var body = document.getElementById("indicator-rows");
  if (!body || !body.lastElementChild) { return; }
  var added = body.lastElementChild;
  function value(tr, name) {
    var el = tr.querySelector("[name=" + name + "]");
    return el ? el.value.trim() : "";
  }
  var l1 = value(added, "l1"), l2 = value(added, "l2");
  var sameGroup = null, sameLevel1 = null;
  Array.prototype.forEach.call(body.children, function (tr) {
    if (tr === added) { return; }
    if (value(tr, "l1") === l1) {
      sameLevel1 = tr;
      if (value(tr, "l2") === l2) { sameGroup = tr; }
    }
  });
  var after = sameGroup || sameLevel1;
  if (after) { body.insertBefore(added, after.nextElementSibling); }
  added.classList.add("suggested");
  source.disabled = true;
  source.textContent = "已添加";
  var form = body.closest("form");
  if (form) { form.dispatchEvent(new Event("input", { bubbles: true })); }
});
