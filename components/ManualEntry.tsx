import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from './i18n';
import type { RunForm as RunFormType } from './RunForm';
import { ask } from '../messaging/ask';

/** What the last "I ran today" or "I rested today" can undo. */
export interface UndoOffer {
  label: string;
  run: () => Promise<unknown>;
  /** The button of what is undone, focus returns to it: 0 "I ran today", 1 "I rested today". */
  focus: 0 | 1;
}

/**
 * Where focus goes once these buttons are drawn again (the form closed, an Undo). Kept outside the
 * component: undoing the only run moves the buttons from the verdict to the empty popup's card,
 * a new instance of this component.
 */
let focusNext: number | null = null;

/**
 * "I ran today" and "I rested today", for what no site saw (a gym treadmill, a watch not yet
 * synced). "I ran today" asks when, the distance and the time (both optional); the watch's or
 * Strava's copy of the run, read later, joins it. Once today has a run it becomes "Add another
 * run today", a second run that is never joined to the first by the day alone. Each can be
 * undone at once.
 */
export function ManualEntry(props: {
  today: string;
  ranToday: boolean;
  restedToday: boolean;
  units: 'km' | 'mi';
  onChanged: () => void;
  /**
   * The offer to undo, kept by the popup: the first run moves this group from the empty popup
   * into the verdict, and the offer must move with it.
   */
  undo: UndoOffer | null;
  setUndo: (undo: UndoOffer | null) => void;
}) {
  const { undo, setUndo } = props;
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [RunForm, setRunForm] = useState<typeof RunFormType | null>(null);
  const group = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The group's first button is always drawn, its second after a rest mark is undone.
    const b = focusNext !== null && group.current?.querySelectorAll('button')[focusNext];
    if (b) {
      b.focus();
      focusNext = null;
    }
  });
  const close = () => {
    setOpen(false);
    focusNext = 0;
  };
  // The form is its own chunk, loaded on the first click: most days nobody opens it.
  const toggle = () => {
    if (!RunForm) void import('./RunForm').then((m) => setRunForm(() => m.RunForm));
    setOpen(!open);
  };

  const rested = async (on: boolean) => {
    const r = await ask({ type: 'rest/mark', date: props.today, on });
    if (!r.ok) return setError(r.words);
    setUndo(
      on
        ? {
            label: t('undoRested'),
            run: () => ask({ type: 'rest/mark', date: props.today, on: false }),
            focus: 1,
          }
        : null,
    );
    props.onChanged();
  };

  return (
    // A named group, not a headed section: it sits inside the verdict, whose heading is the one.
    <div class="manual" role="group" aria-label={t('manualTitle')} data-testid="today-action" ref={group}>
      <div class="row">
        <button
          type="button"
          onClick={toggle}
          aria-expanded={open}
          data-testid={props.ranToday ? 'add-another-run' : 'i-ran'}
        >
          {t(props.ranToday ? 'addAnotherRun' : 'iRanToday')}
        </button>
        {props.restedToday ? (
          <button type="button" onClick={() => void rested(false)} aria-pressed="true" data-testid="rested-noted">
            {t('restedNoted')}
          </button>
        ) : (
          !props.ranToday && (
            <button type="button" onClick={() => void rested(true)} data-testid="i-rested">
              {t('iRestedToday')}
            </button>
          )
        )}
      </div>
      {open && RunForm && (
        <RunForm
          units={props.units}
          another={props.ranToday}
          onSaved={({ id, outcome }) => {
            setError(null);
            close();
            // Undo takes back the typed run alone: the watch's or Strava's run it joined stays.
            setUndo({
              label: t(outcome.merged > 0 ? 'undoRanJoined' : 'undoRan'),
              run: () => ask({ type: 'manual/undo', id }),
              focus: 0,
            });
            props.onChanged();
          }}
          onError={setError}
          onCancel={close}
        />
      )}
      {undo && (
        <p role="status" class="row">
          {undo.label}{' '}
          <button
            type="button"
            class="linklike"
            onClick={() =>
              void undo.run().then(() => {
                setUndo(null);
                focusNext = undo.focus;
                props.onChanged();
              })
            }
            data-testid="undo"
          >
            {t('undo')}
          </button>
        </p>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
