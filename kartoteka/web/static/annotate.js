// A source's page: click a marked passage to see its claims; select words to
// make a claim of them. Offsets count characters as the server does (code
// points, not UTF-16 units), from each piece's data-start.
(function () {
  "use strict";
  var text = document.getElementById("text");
  if (!text) return;
  var pieces = Array.prototype.slice.call(text.children);
  var windowStart = pieces.length ? Number(pieces[0].dataset.start) : 0;
  var chars = Array.from(pieces.map(function (p) { return p.textContent; }).join(""));

  function offset(node, at) {
    var piece = node.nodeType === 1 ? node : node.parentElement;
    while (piece && piece.parentElement !== text) piece = piece.parentElement;
    if (!piece) return null;
    if (node.nodeType === 1) at = at ? piece.textContent.length : 0;
    return Number(piece.dataset.start) + Array.from(piece.textContent.slice(0, at)).length;
  }

  var form = document.getElementById("annotate");
  document.addEventListener("mouseup", choose);
  document.addEventListener("keyup", choose);
  function choose() {
    if (!form) return;
    var sel = window.getSelection();
    if (!sel || sel.isCollapsed || !text.contains(sel.anchorNode) || !text.contains(sel.focusNode)) return;
    var a = offset(sel.anchorNode, sel.anchorOffset), b = offset(sel.focusNode, sel.focusOffset);
    if (a === null || b === null) return;
    var start = Math.min(a, b), end = Math.max(a, b);
    var quote = chars.slice(start - windowStart, end - windowStart).join("");
    if (!quote.trim()) return;
    document.getElementById("sel-start").value = start;
    document.getElementById("sel-quote").value = quote;
    form.hidden = false;
  }
  var cancel = document.getElementById("cancel");
  if (cancel) cancel.addEventListener("click", function () { form.hidden = true; });

  var panel = document.getElementById("chosen"), list = document.getElementById("chosen-list");
  text.addEventListener("click", function (event) {
    var mark = event.target.closest("mark");
    if (!mark || !window.getSelection().isCollapsed) return;
    text.querySelectorAll("mark.chosen").forEach(function (m) { m.classList.remove("chosen"); });
    mark.classList.add("chosen");
    list.innerHTML = "";
    mark.dataset.claims.split(" ").forEach(function (id) {
      var found = document.querySelector('[data-claim="' + id + '"]');
      if (found) list.appendChild(found.cloneNode(true));
    });
    panel.hidden = false;
    panel.scrollIntoView({ block: "nearest" });
  });
})();
