// The book's widget renderer (ARCHITECTURE.md, "Offline assets"): it draws the saved widget state of a page with
// no kernel, as @jupyter-widgets/html-manager's embed.js does, with only the models and views the course uses.
// embed.js also carries every other control, the ipywidgets 7 models, the output area and JupyterLab's renderers,
// and Font Awesome's CSS as strings: 1.9 MB that each chapter page compiled before its first widget (issue 9).
import * as base from '@jupyter-widgets/base';
import { ManagerBase } from '@jupyter-widgets/base-manager';
import * as box from '@jupyter-widgets/controls/lib/widget_box';
import * as description from '@jupyter-widgets/controls/lib/widget_description';
import * as link from '@jupyter-widgets/controls/lib/widget_link';
import * as selection from '@jupyter-widgets/controls/lib/widget_selection';
import * as container from '@jupyter-widgets/controls/lib/widget_selectioncontainer';
import * as string from '@jupyter-widgets/controls/lib/widget_string';
import { MessageLoop } from '@lumino/messaging';
import { Widget } from '@lumino/widgets';

// Where each class the saved state names is looked up. A class missing here is a console error naming the class
// and this file, which fails the page in the browser tests (their guard fails a page on any console error).
const MODULES = {
  '@jupyter-widgets/base': [base],
  '@jupyter-widgets/controls': [string, selection, box, container, link, description],
};

// Set by build.mjs from the packages' own CSS: lumino's, the controls', and JupyterLab's variables for a page
// that has none (the same rule as embed.js).
/* global __COURSE_WIDGETS_CSS__, __COURSE_LAB_VARIABLES_CSS__ */
function addStyles() {
  const add = (css) => {
    const style = document.createElement('style');
    style.textContent = css;
    document.head.appendChild(style);
  };
  add(__COURSE_WIDGETS_CSS__);
  if (getComputedStyle(document.documentElement).getPropertyValue('--jp-layout-color0') === '') {
    add(__COURSE_LAB_VARIABLES_CSS__);
  }
}

// ipywidgets draws each radio option as an <input type=radio> with no name, so every option is its own group: Tab
// stops on each one (10 radio stops for chapter 4's five On/Off groups) and a screen reader hears no group, no
// "1 of 4".
// Named alike and wrapped in a labelled radiogroup, the options are one Tab stop whose arrow keys choose.
class CourseRadioButtonsView extends selection.RadioButtonsView {
  update(options) {
    const result = super.update(options);
    this.container.setAttribute('role', 'radiogroup');
    if (this.label.textContent.trim()) {
      this.label.id = this.label.id || `${this.cid}-label`;
      this.container.setAttribute('aria-labelledby', this.label.id);
    } else {
      this.container.removeAttribute('aria-labelledby');
    }
    this.container.querySelectorAll('input[type="radio"]').forEach((radio) => {
      radio.name = this.cid;
    });
    return result;
  }
}

// Views the course draws its own way, looked up before the packages' own.
const COURSE_VIEWS = { '@jupyter-widgets/controls': { RadioButtonsView: CourseRadioButtonsView } };

class CourseManager extends ManagerBase {
  constructor() {
    super();
    this._views = new Set();
    window.addEventListener('resize', () => {
      this._views.forEach((v) => MessageLoop.postMessage(v.luminoWidget, Widget.ResizeMessage.UnknownSize));
    });
  }

  async display_view(view, el) {
    const v = await view;
    Widget.attach(v.luminoWidget, el);
    this._views.add(v);
    v.once('remove', () => this._views.delete(v));
  }

  // No kernel: nothing to talk to.
  _get_comm_info() {
    return Promise.resolve({});
  }

  _create_comm() {
    return Promise.resolve({ on_close() {}, on_msg() {}, close() {} });
  }

  async loadClass(className, moduleName, moduleVersion) {
    const own = (COURSE_VIEWS[moduleName] || {})[className];
    if (own) return own;
    for (const mod of MODULES[moduleName] || []) {
      if (mod[className]) return mod[className];
    }
    throw new Error(
      `course widgets: ${moduleName}@${moduleVersion} ${className} is not in the book's widget bundle; ` +
        'add its module to MODULES in course_tools/widget_bundle/src/index.js'
    );
  }
}

// Each widget-state script gets a manager; each view script naming one of its models is replaced by the view,
// drawn into a div.widget-subarea, as embed.js does (the book's CSS and tests look for that class).
async function render() {
  addStyles();
  const states = document.querySelectorAll('script[type="application/vnd.jupyter.widget-state+json"]');
  for (const tag of states) {
    const manager = new CourseManager();
    const models = await manager.set_state(JSON.parse(tag.textContent));
    const byId = new Map(models.map((m) => [m.model_id, m]));
    const views = document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]');
    await Promise.all(
      Array.from(views).map(async (viewtag) => {
        const model = byId.get(JSON.parse(viewtag.textContent).model_id);
        if (model === undefined || viewtag.parentElement === null) return;
        const el = document.createElement('div');
        el.className = 'widget-subarea';
        viewtag.parentElement.insertBefore(el, viewtag);
        await manager.display_view(manager.create_view(model), el);
      })
    );
  }
}

// embed.js waited for the load event (every image and font). The state is in the page, so drawing starts as soon as
// the bundle runs: deferred, that is once the page is parsed. The MathJax bridge (widgets-offline-config.js) and the
// assessment script (course-assessment.js, deferred before this bundle) are in place by then.
if (!window.__courseWidgetsRendered) {
  window.__courseWidgetsRendered = true;
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', render);
  else render();
}
