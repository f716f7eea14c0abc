import { describe, expect, it } from 'vitest';
import { backupFileName } from '../../../core/backup-format';

describe('backup file name', () => {
  it('is the runner’s date of the backup, not the UTC one', () => {
    const lateInBerlin = Date.parse('2026-11-24T23:30:00Z'); // 00:30 on the 25th in Berlin
    expect(backupFileName(lateInBerlin, 'Europe/Berlin')).toBe('hip-check-backup-2026-11-25.json');
    expect(backupFileName(lateInBerlin, 'America/New_York')).toBe('hip-check-backup-2026-11-24.json');
  });
});
