// Every slide fits the projector (issue 16). Included in every deck by course_tools/build_slides.py, run once
// when reveal.js is ready and the widgets have rendered. Only the browser knows how tall a slide is (widgets render
// there), so the split is made here, generically, with no rule for any one chapter:
//  1. A widget part marked `course-deck-break` (e.g. each knowledge-check question after the first) starts a new
//     vertical slide, whatever the fit.
//  2. A slide still taller than the deck moves its overflow to a new vertical slide below it: whole cells first,
//     then, inside a cell that alone is too tall, whole blocks (paragraphs, list items, table rows under a copy
//     of the table's header). A widget with controls is split only before its parts marked
//     `course-deck-may-break` (widgets/views/presentation.py), so a control stays on the slide of the panel it
//     drives (jslinks are in the widget models, not in the page, so moved parts keep working); a part with no
//     controls (a table, a list) may also split by rows.
//  3. A widget marked `course-deck-side-by-side` on a slide still too tall is laid out in two columns (its
//     controls beside its panel) when that makes the slide shorter.
//  4. A slide that is still too tall (one widget or figure taller than the deck) is zoomed out to fit, never below
//     MIN_ZOOM, and its widget diagrams are drawn larger by as much (readable_diagram's CSS variable), so their
//     text keeps its projector size.
//  5. Last resort: a widget's panel (`course-deck-panel`) on a slide still too tall at MIN_ZOOM becomes a scroll
//     panel (`course-deck-scroll`) with a visible cue (`course-deck-scroll-cue`) above it saying that it scrolls;
//     it can be focused, and then keeps the arrow keys (courseDeckTakesKey).
// A figure's caption stays on the figure's slide. Speaker notes stay on the slide they belong to. The deck sets
// `data-deck-fitted` on <html> when done.
(function () {
  var BREAK = "course-deck-break";  // widgets/views/presentation.py, DECK_BREAK_CLASS
  var MAY_BREAK = "course-deck-may-break";  // DECK_MAY_BREAK_CLASS
  var SIDE_BY_SIDE = "course-deck-side-by-side";  // DECK_SIDE_BY_SIDE_CLASS
  var COLUMNS = "course-deck-columns";  // DECK_COLUMNS_CLASS: set here when the two columns fit better
  var PANEL = "course-deck-panel";  // DECK_PANEL_CLASS: the panel a widget's controls drive
  var SCROLL = "course-deck-scroll";  // DECK_SCROLL_CLASS
  var CUE = "course-deck-scroll-cue";  // DECK_SCROLL_CUE_CLASS
  var CUE_TEXT = "\u2195 This panel scrolls: more below (click it, then use the arrow keys)";
  var SPLITTABLE = [".fragment", ".jp-Cell", ".jp-Cell-inputWrapper", ".jp-Cell-outputWrapper", ".jp-InputArea",
    ".jp-OutputArea", ".jp-OutputArea-child", ".jp-OutputArea-output", ".jp-RenderedHTMLCommon",
    "blockquote.course-box", "ul", "ol", "table", "tbody", ".widget-html", ".widget-html-content",
    ".jp-RenderedHTML", ".widget-subarea", ".course-panel"].join(",");
  var MIN_ZOOM = 0.75;  // 22 px widget text stays near 16 px on the projector (22 x 0.75 x 0.96)
  var DIAGRAM_TEXT_VAR = "--course-diagram-text-px";  // widgets/views/common.py, DIAGRAM_TEXT_VAR
  var SQUEEZABLE = ".course-diagram, label, button, .widget-readout";
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
    // A table's caption and header (copied onto every part of a split table) are not a place to split after:
    // the first box under them is split inside, or else the table would split before it again and again.
    var head = container.tagName === "TABLE" ? kids.filter(function (k) { return k.matches("caption, thead"); })
      .length : 0;
    if (i < head) return null;  // the header alone is too tall: the table stays whole and is zoomed
    // a figure and its caption move together: split before the figure, or, when the figure leads the slide,
    // after the caption (the two then stand alone and are zoomed if need be)
    if (i > head && isCaption(kids[i])) return i > head + 1 ? kids[i - 1] : kids[i + 1] || null;
    if (i > head) return kids[i];
    var first = kids[i], inside = null;
    if (first.matches(".course-widget") && first.querySelector(CONTROLS)) {
      inside = markPoint(first, top, scale, limit);
    } else if (first.matches(SPLITTABLE) || first.matches(".course-widget")) {
      inside = overflowPoint(first, top, scale, limit);
    }
    if (inside) return inside;
    return (isCaption(kids[i + 1]) ? kids[i + 2] : kids[i + 1]) || null;
  }

  // Where a widget with controls may split: before the last of its `course-deck-may-break` parts that still
  // starts on the slide (as much as fits stays), or else before the first one (what comes before it then stands
  // alone). A marked part with no controls that starts on the slide but runs past it splits inside, by rows.
  // Null when the widget has no mark past its top.
  function markPoint(widget, top, scale, limit) {
    var start = widget.getBoundingClientRect().top + 1;
    var marks = Array.prototype.filter.call(widget.querySelectorAll("." + MAY_BREAK), function (m) {
      // never inside a panel: a part moved out of a Stack's child would stay when the controls switch panels
      var panel = m.parentElement.closest("." + PANEL);
      return m.getClientRects().length > 0 && m.getBoundingClientRect().top > start &&
        !(panel && widget.contains(panel));
    });
    if (!marks.length) return null;
    var rel = function (y) { return (y - top) / scale; };
    var on = marks.filter(function (m) { return rel(m.getBoundingClientRect().top) <= limit; });
    var mark = on.length ? on[on.length - 1] : marks[0];
    if (rel(mark.getBoundingClientRect().bottom) > limit + 1 && !mark.querySelector(CONTROLS) && on.length) {
      var rows = overflowPoint(mark, top, scale, limit);
      if (rows) return rows;
    }
    return mark;
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

  // Two columns for a widget marked side by side, kept only when the slide comes out shorter than stacked.
  function sideBySide(slide, height) {
    slide.querySelectorAll("." + SIDE_BY_SIDE).forEach(function (w) {
      var stacked = contentHeight(slide);
      if (stacked <= height + 1) return;
      w.classList.add(COLUMNS);
      // kept only when shorter, and when nothing got squeezed in the narrower columns: no diagram has to scroll
      // sideways to keep its text readable, no control's words run out of their box
      var squeezed = Array.prototype.some.call(w.querySelectorAll(SQUEEZABLE), function (d) {
        return d.getClientRects().length > 0 &&
          (d.scrollWidth > d.clientWidth + 1 || d.scrollHeight > d.clientHeight + 1);
      });
      if (squeezed || contentHeight(slide) >= stacked - 1) w.classList.remove(COLUMNS);
    });
  }

  // The last resort: the tallest widget panel on a slide still too tall becomes a scroll panel, short enough for
  // the slide to fit, under a cue saying that it scrolls. Counted by the layout probe; keep it rare.
  function scrollToFit(slide, height) {
    var over = contentHeight(slide) - height;
    if (over <= 1) return;
    var panels = Array.prototype.filter.call(slide.querySelectorAll("." + PANEL), function (p) {
      return p.getClientRects().length > 0 && !p.closest("." + SCROLL);
    });
    var drawn = function (p) { return p.getBoundingClientRect().height / (window.Reveal.getScale() || 1); };
    // the innermost panel tall enough to give up the overflow, so that controls inside an outer panel stay in
    // view; else the tallest
    var able = panels.filter(function (p) { return drawn(p) - over >= 160; });
    var inner = able.filter(function (p) { return !able.some(function (q) { return q !== p && p.contains(q); }); });
    var panel = inner[0] || panels.reduce(function (a, b) { return drawn(b) > drawn(a) ? b : a; }, panels[0]);
    if (!panel) return;
    var cue = document.createElement("p");
    cue.className = CUE;
    cue.textContent = CUE_TEXT;
    panel.parentNode.insertBefore(cue, panel);
    over = contentHeight(slide) - height;  // the cue takes a line too
    var scale = (window.Reveal.getScale() || 1) * parseFloat(slide.style.zoom || "1");
    var drawnHeight = panel.getBoundingClientRect().height / (window.Reveal.getScale() || 1);
    // in the panel's own CSS px; 4 px spare for rounding and the focus outline
    var max = Math.max(120, (drawnHeight - over) * (window.Reveal.getScale() || 1) / scale - 4);
    panel.classList.add(SCROLL);
    panel.style.maxHeight = max.toFixed(0) + "px";
    panel.setAttribute("tabindex", "0");
    panel.setAttribute("role", "group");  // not region: two such panels in a deck must not be landmarks of one name
    panel.setAttribute("aria-label", "Scroll panel: " + CUE_TEXT);
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
    leaves().forEach(function (slide) {
      sideBySide(slide, height);
      zoomToFit(slide, height);
      scrollToFit(slide, height);
    });
    shown.forEach(function (p) { p[0].style.display = p[1]; });
    Reveal.sync();
    Reveal.slide(here.h, here.v);
    document.documentElement.dataset.deckFitted = "true";
  }

  // Which keys the deck takes (reveal.js keyboardCondition, in index.html.j2). A focused control that uses the
  // arrow keys itself keeps them: a select, a radio group and a scroll panel (reveal.js already leaves every
  // key to a text field). Anywhere else, a presenter's clicker (arrows, Page Up and Down) still moves the deck.
  var CONTROL_KEYS = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"];
  var KEEPS_KEYS = [".course-widget select", '.course-widget [role="radiogroup"]', '.course-widget [role="radio"]',
    '.course-widget input[type="radio"]', ".course-widget .widget-radio-box", "." + SCROLL].join(",");
  window.courseDeckTakesKey = function (event) {
    var t = event && event.target;
    if (CONTROL_KEYS.indexOf(event.key) < 0) return true;
    return !(t && t.closest && t.closest(KEEPS_KEYS));
  };

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
