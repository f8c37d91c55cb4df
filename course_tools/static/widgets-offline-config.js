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
  // MathJax 3 replaces its configuration object with the real global when startup.js runs (and may again while
  // it starts), so the bridge rides on the assignment itself: whichever object becomes window.MathJax gets the Hub
  // once it is MathJax proper (it has a version), whenever the widget bundle happens to draw. Only the real object:
  // a Hub key in the configuration would read as a MathJax 2 setting.
  function bridge(mj) {
    if (mj && typeof mj === "object" && mj.version && !mj.Hub) { mj.Hub = hub; }
  }
  var current = window.MathJax;
  bridge(current);
  Object.defineProperty(window, "MathJax", {
    configurable: true,
    enumerable: true,
    get: function () { return current; },
    set: function (value) { current = value; bridge(value); }
  });
})();
