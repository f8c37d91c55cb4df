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
