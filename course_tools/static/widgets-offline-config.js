// Loaded before the widget bundle on pages and decks with widgets. The bundle (@jupyter-widgets/base) typesets
// labels through the MathJax 2 API (MathJax.Hub.Queue); the book loads MathJax 3,
// which has no Hub, so a page with both maths and widgets would throw. Forward those calls to MathJax 3.
(function () {
  var hub = {
    Queue: function (job) {
      var el = job && job[2];
      var mj = window.MathJax;
      if (mj && mj.typesetPromise && el) { mj.typesetPromise([el]); }
    }
  };
  function patch() {
    var mj = window.MathJax;
    if (mj && !mj.Hub) { mj.Hub = hub; }
    if (mj && mj.startup && mj.startup.promise && !mj.__courseHubPatched) {
      mj.__courseHubPatched = true;
      mj.startup.promise.then(patch);  // MathJax 3 may rebuild its global while it starts
    }
  }
  patch();
  document.addEventListener("DOMContentLoaded", patch);
  window.addEventListener("load", patch);
})();
