// Runs in the project's default test environment (happy-dom), as the extension's pages do: a
// File/Blob read through blobSource, fflate and TextDecoder under browser globals.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gzipSync } from 'fflate';
import { activitiesOf, blobSource, readActivityFile } from '../../../../core/files';
import { parseCsv } from '../../../../core/files/csv';
import { makeZip, simpleActivityFit } from './helpers';

describe('reading from a browser Blob', () => {
  it('reads a gzipped FIT and a zip handed over as Blobs, slice by slice', async () => {
    const fit = simpleActivityFit({ start: '2024-05-01T05:30:00Z', distance: 8000, timer: 2400 });
    const gz = await readActivityFile('run.fit.gz', blobSource(new Blob([new Uint8Array(gzipSync(fit))])), {
      timeZone: 'Europe/London',
    });
    expect(activitiesOf(gz)[0]).toMatchObject({ sport: 'run', distanceM: 8000, localDate: '2024-05-01' });
    const zip = await readActivityFile(
      'export.zip',
      blobSource(new Blob([new Uint8Array(makeZip([{ name: '1_ACTIVITY.fit', data: fit }]))])),
      { timeZone: 'UTC' },
    );
    expect(activitiesOf(zip)).toHaveLength(1);
  });
});

describe('CSV property', () => {
  it('parses back whatever a spreadsheet writes', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', 'é', '1') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const quote = (v: string) => (/[",\r\n]/.test(v) || v === '' ? `"${v.replace(/"/g, '""')}"` : v);
        const text = rows.map((r) => r.map(quote).join(',')).join('\r\n');
        expect(parseCsv(text)).toEqual(rows);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
