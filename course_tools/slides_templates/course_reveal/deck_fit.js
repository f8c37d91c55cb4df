// Every slide fits the projector (issue 16). Included in every deck by course_tools/build_slides.py, run once
// when reveal.js is ready and the widgets have rendered. Only the browser knows how tall a slide is (widgets render
// there), so the split is made here, generically, with no rule for any one chapter:
//  1. A widget part marked `course-deck-break` (e.g. each knowledge-check question after the first) starts a new
//     vertical slide, whatever the fit.
//  2. A slide still taller than the deck moves its overflow to a new vertical slide below it: whole cells first,
//     then, inside a cell that alone is too tall, whole blocks (paragraphs, list items, table rows under a copy
//     of the table's header). A widget is never split except at its own marks, so a control stays on the slide
//     of the panel it drives (jslinks are in the widget models, not in the page, so moved parts keep working).
//  3. A slide that is still too tall (one widget or figure taller than the deck) is zoomed out to fit, never below
//     MIN_ZOOM, and its widget diagrams are drawn larger by as much (readable_diagram's CSS variable), so their
//     text keeps its projector size.
// A figure's caption stays on the figure's slide. Speaker notes stay on the slide they belong to. The deck sets `data-deck-fitted` on <html> when done.
(function () {
  var BREAK = "course-deck-break";
  var SPLITTABLE = [".fragment", ".jp-Cell", ".jp-Cell-inputWrapper", ".jp-Cell-outputWrapper", ".jp-InputArea",
    ".jp-OutputArea", ".jp-OutputArea-child", ".jp-OutputArea-output", ".jp-RenderedHTMLCommon",
    "blockquote.course-box", "ul", "ol", "table", "tbody", ".widget-html", ".widget-html-content",
    ".jp-RenderedHTML", ".widget-subarea"].join(",");
  var MIN_ZOOM = 0.75;  // 22 px widget text stays near 16 px on the projector (22 x 0.75 x 0.96)
  var DIAGRAM_TEXT_VAR = "--course-diagram-text-px";  // widgets/views/common.py, DIAGRAM_TEXT_VAR
  var CONTROLS = "button, input, select, textarea";  // a widget with none is static: its rows may split
  var SKIP = "aside.notes, script, style, .jp-Collapser, .jp-InputPrompt, .jp-OutputPrompt";
  // The caption cell build_slides.py adds under a figure (FIGURE_CAPTION_TAG): never the first box of a slide.
  // (nbconvert puts a Markdown cell's tag class on its rendered Markdown, inside the cell.)
  var CAPTION = ".celltag_course-figure-caption";
  function isCaption(box) {
    return !!box && (box.matches(CAPTION) || (box.matches(".jp-MarkdownCell") && !!box.querySelector(CAPTION)));
  }

  function content(el) {
    return Array.prototype.filter.call(el.children, function (c) {
      return !c.matches(SKIP) && c.getClientRects().length > 0;
    });
  }

  // A new vertical slide after `slide` holding `node`, everything after it, and copies of the boxes around it.
  function splitBefore(slide, node) {
    var next = document.createElement("section");
    next.className = "course-continued";
    next.style.display = "block";  // laid out to be measured; Reveal.sync() decides what shows
    slide.parentNode.insertBefore(next, slide.nextSibling);
    var path = [];
    for (var a = node.parentElement; a !== slide; a = a.parentElement) path.unshift(a);
    var clones = path.map(function (box) {
      var copy = box.cloneNode(false);
      copy.removeAttribute("id");
      if (box.tagName === "TABLE") {
        box.querySelectorAll(":scope > caption, :scope > thead").forEach(function (h) {
          copy.appendChild(h.cloneNode(true));
        });
      }
      return copy;
    });
    clones.forEach(function (copy, i) { (i ? clones[i - 1] : next).appendChild(copy); });
    var moveFrom = function (first, dest) {
      for (var n = first; n; ) {
        var after = n.nextSibling;
        if (!(n.nodeType === 1 && n.matches("aside.notes"))) dest.appendChild(n);
        n = after;
      }
    };
    moveFrom(node, clones.length ? clones[clones.length - 1] : next);
    for (var i = path.length - 1; i >= 0; i--) moveFrom(path[i].nextSibling, i ? clones[i - 1] : next);
    return next;
  }

  function breakAtMarks(slides) {
    slides.forEach(function (slide) {
      var marks = slide.querySelectorAll("." + BREAK);
      for (var k = marks.length - 1; k >= 0; k--) {
        var mark = marks[k];
        if (mark.previousElementSibling) splitBefore(slide, mark);  // the first part stays where it is
      }
    });
  }

  // Where to split a slide that does not fit: before the first box, going down from the slide, that starts
  // below the top and does not fit. When the first box alone is too tall, inside it if it can be split, or else
  // after it (it then stands alone and is zoomed). Null when nothing can move.
  function overflowPoint(container, top, scale, limit) {
    var kids = content(container);
    var i = kids.findIndex(function (k) { return (k.getBoundingClientRect().bottom - top) / scale > limit + 1; });
    if (i < 0) return null;
    // a figure and its caption move together: split before the figure, or, when the figure leads the slide,
    // after the caption (the two then stand alone and are zoomed if need be)
    if (i > 0 && isCaption(kids[i])) return i > 1 ? kids[i - 1] : kids[i + 1] || null;
    if (i > 0) return kids[i];
    var inside = (kids[0].matches(SPLITTABLE) && !kids[0].matches(".course-widget")) ||
      (kids[0].matches(".course-widget") && !kids[0].querySelector(CONTROLS))
      ? overflowPoint(kids[0], top, scale, limit) : null;
    if (inside) return inside;
    return (isCaption(kids[1]) ? kids[2] : kids[1]) || null;
  }

  function fitToHeight(slide, height) {
    var limit = height - parseFloat(getComputedStyle(slide).paddingBottom || "0");
    for (var guard = 0; guard < 40 && slide; guard++) {
      var point = overflowPoint(slide, slide.getBoundingClientRect().top, window.Reveal.getScale() || 1, limit);
      slide = point ? splitBefore(slide, point) : null;
    }
  }

  // How far the slide's content reaches below its top, in the deck's own px (as drawn, zoom included).
  function contentHeight(slide) {
    var top = slide.getBoundingClientRect().top, scale = window.Reveal.getScale() || 1, bottom = 0;
    content(slide).forEach(function (k) { bottom = Math.max(bottom, k.getBoundingClientRect().bottom); });
    return (bottom - top) / scale;
  }

  function zoomToFit(slide, height) {
    var drawn = parseFloat(getComputedStyle(slide.querySelector(".course-widget") || slide)
      .getPropertyValue(DIAGRAM_TEXT_VAR)) || 0;
    for (var pass = 0; pass < 3; pass++) {
      var zoom = parseFloat(slide.style.zoom || "1"), tall = contentHeight(slide);
      if (tall <= height + 1) return;
      zoom = Math.max(MIN_ZOOM, zoom * height / tall);
      slide.style.zoom = String(zoom);
      slide.querySelectorAll(".course-widget").forEach(function (w) {
        if (drawn) w.style.setProperty(DIAGRAM_TEXT_VAR, (drawn / zoom).toFixed(2) + "px");
      });
      if (zoom === MIN_ZOOM) return;
    }
  }

  function leaves() {
    return Array.prototype.slice.call(document.querySelectorAll(".reveal .slides > section > section"));
  }

  function fit() {
    var Reveal = window.Reveal, height = Reveal.getConfig().height, here = Reveal.getIndices();
    var shown = [];
    document.querySelectorAll(".reveal .slides section").forEach(function (s) {  // measure every slide laid out
      shown.push([s, s.style.display]);
      s.style.display = "block";
    });
    breakAtMarks(leaves());
    leaves().forEach(function (slide) { fitToHeight(slide, height); });
    leaves().forEach(function (slide) { zoomToFit(slide, height); });
    shown.forEach(function (p) { p[0].style.display = p[1]; });
    Reveal.sync();
    Reveal.slide(here.h, here.v);
    document.documentElement.dataset.deckFitted = "true";
  }

  // Widgets render asynchronously after the deck starts (a box's children after the box): wait until every
  // widget view has rendered and the widgets' markup has stopped growing, then until MathJax has typeset.
  var rendered = function () {
    return Array.prototype.every.call(
      document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]'),
      function (s) { return s.parentElement.querySelector(".widget-subarea > *"); });
  };
  var size = function () {
    return document.querySelectorAll(".widget-subarea *").length;
  };
  window.courseDeckFit = function () {
    var waited = 0, last = -1, steady = 0;
    (function poll() {
      var now = size();
      steady = rendered() && now === last ? steady + 1 : 0;
      last = now;
      if (steady < 3 && waited < 30000) { waited += 150; return setTimeout(poll, 150); }
      var maths = window.MathJax && window.MathJax.startup && window.MathJax.startup.promise;
      (maths ? maths.then(function () { return window.MathJax.typesetPromise ? window.MathJax.typesetPromise() : null; })
        : Promise.resolve()).then(function () { requestAnimationFrame(fit); });
    })();
  };
})();
