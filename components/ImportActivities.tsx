import { useEffect, useRef, useState } from 'preact/hooks';
import { problemText } from './problem-text';
import { problemOf } from '../core/problem-codes';
import { OUTCOME_KINDS, timeLeftMs, type ImportOutcomeKind, type ImportProgress } from '../core/files/import-stream';
import { importChosen, PICKABLE_SPORTS, saveWithSport, shownName, type ChosenSummary } from './import-chosen-files';
import { restoreLines } from './restore-text';
import { oneFileLines } from './one-file-summary';
import type { ActivityInput, Sport } from '../core/activity';
import { t, tn } from './i18n';

/** Always shown, even at 0; the other kinds only when some file or activity had them. */
const ALWAYS: readonly ImportOutcomeKind[] = ['added', 'merged', 'known'];

function timeLeftText(p: ImportProgress): string {
  // Every file read: only the last batch's save is left.
  if (p.totalFiles > 0 && p.filesDone === p.totalFiles) return t('importSaving');
  const ms = timeLeftMs(p);
  if (ms === null) return '';
  const s = Math.ceil(ms / 1000);
  return s < 90 ? tn('importSecondsLeft', s) : tn('importMinutesLeft', Math.round(s / 60));
}

function ProgressLine(props: { progress: ImportProgress; onCancel: () => void; focus: boolean }) {
  const p = props.progress;
  // The chosen input is disabled while the import runs: a keyboard user goes on from Cancel.
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (props.focus) cancel.current?.focus();
  }, []);
  const text = [
    tn('importProgress', p.totalFiles, [String(p.filesDone), String(p.totalFiles)]),
    tn('importFound', p.activities),
    timeLeftText(p),
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <p role="status" data-testid="import-progress">
      <progress max={p.totalFiles || undefined} value={p.filesDone} aria-label={text} /> {text}{' '}
      <button type="button" ref={cancel} onClick={props.onCancel}>
        {t('cancel')}
      </button>
    </p>
  );
}

/** One click stores an activity whose file named no sport, with the sport the runner picks. */
function PickSport(props: { activity: ActivityInput; onSaved: () => void }) {
  const [saved, setSaved] = useState<{ sport: Sport; focus: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const done = useRef<HTMLSpanElement>(null);
  // The buttons give way to the line: focus, if it was on them, goes to it rather than the page.
  useEffect(() => {
    if (saved?.focus) done.current?.focus();
  }, [saved]);
  if (saved)
    return (
      <span data-testid="sport-picked" tabIndex={-1} ref={done}>
        {t('importSavedAs', t(`sport_${saved.sport}`))}
      </span>
    );
  const pick = async (sport: Sport, button: HTMLButtonElement) => {
    const why = await saveWithSport(props.activity, sport).catch(problemOf);
    if (why !== null) return setError(problemText(why));
    setSaved({ sport, focus: document.activeElement === button });
    props.onSaved();
  };
  return (
    <span class="pick-sport" data-testid="pick-sport">
      {t('importWhy_needs_sport')}{' '}
      {PICKABLE_SPORTS.map((sp) => (
        <button key={sp} type="button" onClick={(e) => void pick(sp, e.currentTarget)}>
          {t(`sport_${sp}`)}
        </button>
      ))}
      {error && <span role="alert"> {error}</span>}
    </span>
  );
}

/** What a restored backup changed: activities, check-ins, rest marks, and each setting. */
function RestoreSummary(props: { restore: ChosenSummary['restores'][number] }) {
  const { lines, settings } = restoreLines(props.restore.name, props.restore.changes);
  return (
    <div data-testid="restore-summary">
      {lines.map((l, n) => (
        <p key={n}>{l}</p>
      ))}
      {settings.length > 0 && (
        <ul data-testid="restore-settings">
          {settings.map((l, n) => (
            <li key={n}>{l}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Summary(props: { summary: ChosenSummary; name: string | null; onChanged: () => void }) {
  const s = props.summary;
  // Only backups, all restored: their own summary says it all, without a line of counts.
  const onlyRestores = s.restores.length > 0 && s.restores.length === s.totalFiles && s.counts.refused === 0;
  // One file: said plainly ("not a run (Yoga)") rather than as a row of mostly-0 counts.
  const plain = props.name === null ? null : oneFileLines(s, props.name);
  const counts = OUTCOME_KINDS.filter((k) => ALWAYS.includes(k) || s.counts[k] > 0)
    .map((k) => tn(`importOutcome_${k}`, s.counts[k]))
    .join(', ');
  const head = props.name ?? tn('importFiles', s.totalFiles);
  // Activities waiting for their sport are shown open, each with its buttons; the rest is a list.
  const picks = s.items.filter((i) => i.activity);
  const others = s.items.filter((i) => !i.activity);
  const listed = others.length + s.unlisted;
  return (
    <div data-testid="data-message" aria-live="polite" class={s.error ? 'error' : ''}>
      {s.cancelled && <p>{tn('importCancelled', s.totalFiles, [String(s.filesDone), String(s.totalFiles)])}</p>}
      {s.error && <p role="alert">{t('importStopped', problemText(s.error))}</p>}
      {plain
        ? plain.map((l, n) => (
            <p key={n} data-testid={n === 0 ? 'import-summary' : undefined}>
              {l}
            </p>
          ))
        : !onlyRestores && (
            <p data-testid="import-summary">
              {head}: {counts}.
            </p>
          )}
      {s.restores.map((r, n) => (
        <RestoreSummary key={n} restore={r} />
      ))}
      {picks.length > 0 && (
        <ul class="import-outcomes" data-testid="needs-sport">
          {picks.map((i, n) => (
            <li key={n}>
              {i.item}: <PickSport activity={i.activity!} onSaved={props.onChanged} />
            </li>
          ))}
        </ul>
      )}
      {s.notes.length > 0 && (
        <ul class="import-outcomes" data-testid="import-notes">
          {s.notes.map((n, i) => (
            <li key={i}>
              {n.item}: {problemText(n.note)}
            </li>
          ))}
        </ul>
      )}
      {listed > 0 && (
        <details>
          <summary>{tn('importListed', listed)}</summary>
          <ul class="import-outcomes">
            {others.map((i, n) => (
              <li key={n} class={i.kind === 'refused' ? 'error' : ''}>
                {i.item}: {i.reason ? problemText(i.reason) : t(`importWhy_${i.kind}`)}
              </li>
            ))}
            {s.unlisted > 0 && <li>{tn('importUnlisted', s.unlisted)}</li>}
          </ul>
        </details>
      )}
    </div>
  );
}

/** "Import activities": backups, activity files and export archives, many at once or a whole folder. */
export function ImportActivities(props: { onChanged: () => void }) {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [result, setResult] = useState<{ summary: ChosenSummary; name: string | null } | null>(null);
  const abort = useRef<AbortController | null>(null);
  // The input a keyboard user chose from: focus moves to Cancel meanwhile, and back after.
  const [keyboardFrom, setKeyboardFrom] = useState<HTMLInputElement | null>(null);
  useEffect(() => {
    if (progress === null && keyboardFrom) {
      if (document.activeElement === document.body || document.activeElement === null) keyboardFrom.focus();
      setKeyboardFrom(null);
    }
  }, [progress === null]);

  const run = async (files: File[], folder: boolean) => {
    const controller = new AbortController();
    abort.current = controller;
    // The import benchmark reads this measure from the page.
    performance.mark('import:start');
    setResult(null);
    setProgress({ filesDone: 0, totalFiles: files.length, bytesDone: 0, totalBytes: 0, activities: 0, elapsedMs: 0 });
    // Thousands of progress calls: the page re-renders at most a few times a second.
    let shownAt = 0;
    const summary = await importChosen({
      files,
      folder,
      signal: controller.signal,
      onProgress: (p) => {
        const now = performance.now();
        if (now - shownAt < 200 && p.filesDone < p.totalFiles) return;
        shownAt = now;
        setProgress(p);
      },
    });
    performance.measure('import', 'import:start');
    abort.current = null;
    setProgress(null);
    setResult({ summary, name: files.length === 1 ? shownName(files[0]!) : null });
    props.onChanged();
  };

  const chosen = (e: Event, folder: boolean) => {
    const input = e.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    input.value = '';
    if (!files.length) return;
    if (document.activeElement === input) setKeyboardFrom(input);
    void run(files, folder);
  };

  const busy = progress !== null;
  return (
    <div class="import">
      <label for="import-input">{t('importActivities')}</label>{' '}
      <input
        id="import-input"
        type="file"
        multiple
        disabled={busy}
        accept=".json,.fit,.gpx,.tcx,.gz,.zip,.csv,application/json,application/gzip,application/zip"
        onChange={(e) => chosen(e, false)}
      />{' '}
      <label for="import-folder">{t('importFolder')}</label>{' '}
      <input
        id="import-folder"
        type="file"
        disabled={busy}
        // A folder picker from the first render on (no JSX type knows this attribute).
        {...({ webkitdirectory: true } as object)}
        onChange={(e) => chosen(e, true)}
      />
      <p class="hint muted">{t('importHint')}</p>
      {progress && (
        <ProgressLine progress={progress} onCancel={() => abort.current?.abort()} focus={keyboardFrom !== null} />
      )}
      {result && <Summary summary={result.summary} name={result.name} onChanged={props.onChanged} />}
    </div>
  );
}
