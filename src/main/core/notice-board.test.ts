import { describe, expect, it } from 'vitest';
import { createNoticeBoard } from './notice-board';

describe('notice board', () => {
  it('tells subscribers of every change, repeats no notice still shown, and dismisses by index', () => {
    const board = createNoticeBoard();
    let changes = 0;
    const stop = board.onChange(() => (changes += 1));
    board.add({ kind: 'write-failed', message: 'disk full' });
    board.add({ kind: 'write-failed', message: 'disk full' });
    board.add({ kind: 'set-aside', message: 'settings.json moved', movedTo: '/x/settings.json.corrupt-1' });
    expect(board.list().map((n) => n.message)).toEqual(['disk full', 'settings.json moved']);
    expect(changes).toBe(2);
    expect(board.dismiss(5)).toBe(false);
    expect(board.dismiss(0)).toBe(true);
    expect(board.list()).toEqual([
      { kind: 'set-aside', message: 'settings.json moved', movedTo: '/x/settings.json.corrupt-1' },
    ]);
    // Once dismissed, the same failure happening again is shown again.
    board.add({ kind: 'write-failed', message: 'disk full' });
    expect(changes).toBe(4);
    stop();
    board.add({ kind: 'recovered', message: 'later' });
    expect(changes).toBe(4);
  });

  it('hands out copies: a caller cannot change what the board holds', () => {
    const board = createNoticeBoard();
    board.add({ kind: 'recovered', message: 'a' });
    board.list()[0].message = 'changed';
    expect(board.list()[0].message).toBe('a');
  });
});
