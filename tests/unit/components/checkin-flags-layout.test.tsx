import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FlagQuestions } from '../../../components/checkin-parts';
import { RED_FLAGS } from '../../../core/check-in';
import { repoPath } from '../../paths';
import { speak } from '../speak';

afterEach(() => {
  vi.restoreAllMocks();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('the check-in’s warning checkboxes', () => {
  it.each(['en', 'de'])('%s: each phrase is a block of its own beside its box, so it wraps whole', (lang) => {
    speak(lang);
    const style = document.createElement('style');
    style.textContent = readFileSync(repoPath('components/checkin.css'), 'utf8');
    document.head.append(style);
    const root = document.createElement('div');
    document.body.append(root);
    render(<FlagQuestions shown={RED_FLAGS} ticked={[]} answeredNone={false} onFlags={() => {}} />, root);
    const labels = [...root.querySelectorAll<HTMLLabelElement>('label.checkin-flag')];
    expect(labels.length).toBeGreaterThanOrEqual(2);
    for (const label of labels) {
      expect(getComputedStyle(label).display).toBe('flex');
      // No loose words beside the box: the box, then one element holding the whole phrase.
      const loose = [...label.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      expect(loose).toEqual([]);
      const [box, phrase] = [...label.children];
      expect(box).toBeInstanceOf(HTMLInputElement);
      expect(phrase!.textContent.length).toBeGreaterThan(3);
      expect(getComputedStyle(box!).flexShrink).toBe('0');
    }
  });
});
