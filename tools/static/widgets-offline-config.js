// Served from the book's _static/ so the widget bundle finds its fonts and modules locally, never on a CDN.
(function () {
  var here = document.currentScript ? document.currentScript.src : window.location.href;
  var dist = new URL("vendor/html-manager/dist/", here).href;
  window.__jupyter_widgets_assets_path__ = dist;
  window.requirejs_config_local = {
    paths: { "@jupyter-widgets/html-manager/dist/libembed-amd": dist + "libembed-amd" }
  };
  // require.js reads a global `require` object as its configuration when it loads.
  window.require = window.requirejs_config_local;
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
