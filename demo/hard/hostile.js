// A page written to break injected UIs: it replaces built-ins a script might
// rely on, swallows events, and makes the document huge (100,000 nodes).
(() => {
  const realAdd = EventTarget.prototype.addEventListener;
  Array.prototype.map = function map() {
    throw new Error('Array.prototype.map is disabled on this page');
  };
  JSON.stringify = () => '"hostile"';
  EventTarget.prototype.addEventListener = function addEventListener(type, listener, options) {
    // Listeners still register, through a wrapper a script cannot trust.
    return realAdd.call(this, type, listener, options);
  };
  realAdd.call(window, 'click', (event) => event.stopPropagation(), true);
  realAdd.call(document, 'keydown', (event) => event.stopPropagation());
  realAdd.call(document, 'DOMContentLoaded', () => {
    const bulk = document.getElementById('bulk');
    const fragment = document.createDocumentFragment();
    for (let i = 0; i < 50_000; i++) {
      const span = document.createElement('span');
      span.className = `cell c${i % 97}`;
      span.textContent = `item ${i} `;
      fragment.appendChild(span);
    }
    bulk.appendChild(fragment);
  });
})();
