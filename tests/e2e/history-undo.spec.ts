import { expect, test } from './extension-fixture';
import { runOn, seed } from './seed';

// Deleting a run in the history asks first, and can then be undone for a while ("Deleted. Undo"),
// by mouse or keyboard; Undo brings the run back as it was and gives focus back to its row.

test('a deleted run comes back with Undo, by keyboard, with focus on its row again', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await seed(options, [runOn(2, 8, 'undo-a'), runOn(3, 6, 'undo-b')]);
  await options.reload();
  const rows = options.locator('[data-testid="history"] tbody tr');
  await expect(rows).toHaveCount(2);
  const first = rows.first();
  const key = await first.getAttribute('data-key');

  await first.getByRole('button', { name: /^Delete/ }).click();
  await first.getByTestId('delete-yes').click();
  await expect(rows).toHaveCount(1);
  const status = options.getByTestId('deleted');
  await expect(status).toContainText('Deleted the activity of');
  // Focus waits on Undo: Enter takes the deletion back.
  await expect(options.getByTestId('undo-delete')).toBeFocused();
  await options.keyboard.press('Enter');
  await expect(rows).toHaveCount(2);
  await expect(status).toHaveCount(0);
  await expect(options.locator(`tr[data-key="${key}"] button`).first()).toBeFocused();
  await expect(options.locator(`tr[data-key="${key}"]`)).toContainText('Run undo-a');
});
