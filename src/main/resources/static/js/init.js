import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

initAll();

// A form that htmx sends and that comes back with a problem (400, such as a search term
// the queue cannot read) shows the whole page it answered, with its error summary, as it
// would without JavaScript: htmx on its own swaps no 4xx answer.
document.addEventListener('htmx:beforeSwap', (event) => {
  if (event.detail.xhr.status === 400) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
    event.detail.target = document.getElementById('main-content');
    event.detail.selectOverride = '#main-content';
    event.detail.swapOverride = 'outerHTML';
  }
});

document.addEventListener('htmx:afterSettle', (event) => {
  if (event.detail.xhr && event.detail.xhr.status === 400) {
    // the new content's components, the error summary among them (it takes the focus)
    initAll({ scope: document.getElementById('main-content') });
  }
});
