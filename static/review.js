// Passage: shortcuts on the moderator's review page. Everything they do can also be done
// without them (the blur box and the "Also redact" box take typed text), so the page keeps
// working with JavaScript off. Only this page may run a script; reader and storyteller pages
// run none.
(() => {
  'use strict';

  const lines = (text) => text.split('\n').map((line) => line.trim()).filter((line) => line !== '');

  // Drag across the photo to add a blur region; the preview is fetched again at once.
  const figure = document.querySelector('.photo-grid');
  const photo = figure && figure.querySelector('img');
  const blur = document.getElementById('blur');
  if (photo && blur) {
    const address = photo.getAttribute('src').split('?')[0];
    const hint = document.getElementById('blur-draw-hint');
    if (hint) hint.hidden = false;
    figure.classList.add('drawable');

    const clamp = (n) => Math.min(100, Math.max(0, n));
    // Where the pointer is, in percent of the photo.
    const at = (event) => {
      const r = photo.getBoundingClientRect();
      return { x: clamp(((event.clientX - r.left) / r.width) * 100), y: clamp(((event.clientY - r.top) / r.height) * 100) };
    };
    // The region between two points, rounded outwards to whole percent so it covers all that was drawn.
    const region = (a, b) => {
      const left = Math.floor(Math.min(a.x, b.x));
      const top = Math.floor(Math.min(a.y, b.y));
      return { left, top, width: Math.ceil(Math.max(a.x, b.x)) - left, height: Math.ceil(Math.max(a.y, b.y)) - top };
    };

    let start = null;
    let box = null;
    const show = (r) => {
      Object.assign(box.style, { left: `${r.left}%`, top: `${r.top}%`, width: `${r.width}%`, height: `${r.height}%` });
    };
    const stop = () => {
      start = null;
      if (box) box.remove();
      box = null;
    };
    photo.addEventListener('pointerdown', (event) => {
      if (event.button !== 0) return;
      event.preventDefault();
      photo.setPointerCapture(event.pointerId);
      start = at(event);
      box = document.createElement('div');
      box.className = 'blur-box';
      figure.append(box);
      show(region(start, start));
    });
    photo.addEventListener('pointermove', (event) => {
      if (start) show(region(start, at(event)));
    });
    photo.addEventListener('pointerup', (event) => {
      if (!start) return;
      const r = region(start, at(event));
      stop();
      // A tap is not a region.
      if (r.width < 2 || r.height < 2) return;
      const all = lines(blur.value).concat(`${r.left} ${r.top} ${r.width} ${r.height}`);
      blur.value = all.join('\n');
      photo.src = `${address}?blur=${encodeURIComponent(all.join(';'))}`;
    });
    photo.addEventListener('pointercancel', stop);
    // Typed regions refresh the photo too, once they are complete.
    blur.addEventListener('change', () => {
      const all = lines(blur.value);
      if (all.every((line) => /^(\s*-?[\d.]+%?[\s,]*){4}$/.test(line))) {
        photo.src = all.length ? `${address}?blur=${encodeURIComponent(all.join(';'))}` : address;
      }
    });
  }

  // Select words in the story as sent, then add them to "Also redact" with one button.
  const raw = document.querySelector('.review-raw .raw');
  const button = document.getElementById('redact-selection');
  const extra = document.getElementById('extra_terms');
  const status = document.getElementById('redact-selection-status');
  if (raw && button && extra) {
    button.hidden = false;
    let chosen = '';
    // The selected text as the story has it, without the numbers that mark flagged details.
    const selected = () => {
      const selection = window.getSelection();
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return '';
      const range = selection.getRangeAt(0);
      if (!raw.contains(range.commonAncestorContainer)) return '';
      const copy = range.cloneContents();
      copy.querySelectorAll('sup').forEach((sup) => sup.remove());
      return copy.textContent.replace(/\s+/g, ' ').trim();
    };
    document.addEventListener('selectionchange', () => {
      const text = selected();
      // Clicking the button may clear the selection; what was chosen last is kept until then.
      if (text !== '' || !button.matches(':focus, :active')) chosen = text;
      button.disabled = chosen === '';
    });
    button.disabled = true;
    button.addEventListener('click', () => {
      if (chosen === '') return;
      const terms = lines(extra.value);
      if (!terms.includes(chosen)) terms.push(chosen);
      extra.value = terms.join('\n');
      if (status) status.textContent = status.dataset.added.replace('{}', chosen);
      chosen = '';
      button.disabled = true;
      window.getSelection().removeAllRanges();
    });
  }
})();
