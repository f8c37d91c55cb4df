// Assessment on the static page, where no Python kernel runs (DESIGN point 18). Loaded only on pages with
// widgets (tools/course_assets.py); fetches nothing.
// - The running score of each knowledge check: it counts the questions whose visible feedback panel says
//   correct or wrong, and fills the template the score element carries (data-template, from
//   widgets.models.quiz.SCORE_TEMPLATE), so the wording is defined once, in Python.
// - Committed predictions: once the learner has chosen a prediction and its feedback shows, the next "What you
//   should have seen" dropdown (class course-explanation, after the interactive) opens, once; the learner may
//   close it again.
(function () {
  function shown(el) {
    return el.getClientRects().length > 0;
  }
  function verdictShown(root, css) {
    return Array.prototype.some.call(root.querySelectorAll(css), shown);
  }
  function updateScore(check) {
    var score = check.querySelector(".course-score[data-template]");
    if (!score) return;
    var questions = check.querySelectorAll(".course-question");
    var correct = 0, answered = 0;
    questions.forEach(function (q) {
      var right = verdictShown(q, ".course-feedback-correct");
      if (right) correct += 1;
      if (right || verdictShown(q, ".course-feedback-wrong")) answered += 1;
    });
    var text = score.getAttribute("data-template")
      .replace("{correct}", correct).replace("{total}", questions.length).replace("{answered}", answered);
    if (score.textContent !== text) score.textContent = text;
  }
  function nextExplanation(el) {
    var all = document.querySelectorAll(".course-explanation");
    for (var i = 0; i < all.length; i++) {
      if (el.compareDocumentPosition(all[i]) & Node.DOCUMENT_POSITION_FOLLOWING) return all[i];
    }
    return null;
  }
  function updatePrediction(pred) {
    // Only a learner's own choice opens it: while the widgets first render, every panel is briefly on screen.
    if (pred.dataset.courseExplained || !pred.dataset.courseChosen) return;
    if (!verdictShown(pred, ".course-feedback-correct, .course-feedback-wrong")) return;
    var box = nextExplanation(pred);
    if (!box) return;
    pred.dataset.courseExplained = "1";
    var title = box.querySelector(".admonition-title");
    // sphinx-togglebutton hides a dropdown admonition with .toggle-hidden; its title toggles it.
    if (box.classList.contains("toggle-hidden") && title) title.click();
  }
  var pending = false;
  function updateAll() {
    pending = false;
    document.querySelectorAll(".course-knowledge-check").forEach(updateScore);
    document.querySelectorAll(".course-prediction").forEach(updatePrediction);
  }
  function schedule() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(updateAll);
  }
  function chosen(event) {
    var pred = event.target.closest && event.target.closest(".course-prediction");
    if (pred) pred.dataset.courseChosen = "1";
    schedule();
  }
  document.addEventListener("click", chosen, true);
  document.addEventListener("keydown", chosen, true);
  document.addEventListener("change", chosen, true);  // a radio chosen with the arrow keys
  new MutationObserver(schedule).observe(document.documentElement, { subtree: true, childList: true, attributes: true,
                                         attributeFilter: ["class", "style"] });
})();
