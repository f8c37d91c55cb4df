// Served from the book's _static/ so that the widget bundle (html-manager's embed.js) fetches its icon fonts from
// beside it, never from a CDN.
(function () {
  var here = document.currentScript ? document.currentScript.src : window.location.href;
  window.__jupyter_widgets_assets_path__ = new URL("vendor/html-manager/dist/", here).href;
})();

// ipywidgets' sliders (noUiSlider) render a focusable role="slider" handle with no accessible name, so a
// screen reader announces only a number. Name each handle after its slider's visible description label.
(function () {
  function nameSliderHandles(root) {
    var sliders = (root.querySelectorAll ? root : document).querySelectorAll(".widget-slider, .widget-hslider");
    sliders.forEach(function (slider) {
      var label = slider.querySelector(".widget-label");
      var text = label && label.textContent.trim().replace(/:$/, "");
      if (!text) return;
      slider.querySelectorAll('[role="slider"]').forEach(function (handle) {
        if (!handle.getAttribute("aria-label")) handle.setAttribute("aria-label", text);
      });
    });
  }
  var pending = false;
  new MutationObserver(function () {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; nameSliderHandles(document); });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();

// The widget bundle typesets labels through the MathJax 2 API (MathJax.Hub.Queue); the book loads MathJax 3,
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
