import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { onPopupStateKept } from '../messaging/popup-state-copy';
import type { PopupState } from '../core/protocol';
import { checkInOpens } from './checkin-opens';
import { DayStrip } from './DayStrip';
import { unitsFor } from './format';
import { t } from './i18n';
import { ManualEntry, type UndoOffer } from './ManualEntry';
import { ask, type Reply } from '../messaging/ask';
import { VerdictCard } from './VerdictCard';
import { CatchUpStale } from './CatchUpStale';
import type { CatchUp as CatchUpType } from './CatchUp';
import type { HipCare as HipCareType } from './HipCare';
import type * as CheckInChunk from './HipCheckIn';
import type { PopupBelowProps } from './PopupBelow';
import type { PlanQuestions as PlanQuestionsType } from './PlanQuestions';
import type { ProblemNotice as ProblemNoticeType } from './ProblemNotice';
import './popup.css';

// The popup is 360×600 at most (Chrome's cap is 800×600). Above the fold: the verdict and its
// reasons, today's action, the hip check-in (the day's question until answered, then one line),
// the 14-day strip, the last run read and today's first hip exercise. The verdict and today's
// action paint first, alone, and the strip a frame later; the check-in, the last run read, hip
// care and what lies below (weekly chart, more exercises, load, recent runs) are chunks loaded
// once that paint is done (issue #12 wants the popup within 30 ms of a blank page), and so are
// the plan questions, the first-run card and the notice of site-reading problems, shown only
// sometimes; so is the catch-up part (when each site was read, the catch-up's lines), but not
// its stale note, which paints with the verdict it qualifies. So the popup's own JavaScript stays within its 15 KB gzip budget
// (scripts/popup-size.mjs).

const loadCheckIn = () => import('./HipCheckIn');
const loadCatchUp = () => import('./CatchUp').then((m) => m.CatchUp);
const loadHipCare = () => import('./HipCare').then((m) => m.HipCare);
const loadBelow = () => import('./PopupBelow').then((m) => m.PopupBelow);
const loadPlan = () => import('./PlanQuestions').then((m) => m.PlanQuestions);
const loadProblems = () => import('./ProblemNotice').then((m) => m.ProblemNotice);
const loadFirstRun = () => import('./FirstRun').then((m) => m.FirstRun);

/** A chunk loaded on first use; null until it is there. */
function useLazyModule<M>(load: () => Promise<M>, wanted: boolean): M | null {
  const [m, setM] = useState<M | null>(null);
  useEffect(() => {
    if (wanted && !m) void load().then((x) => setM(() => x));
  }, [wanted]);
  return m;
}

/** A component from a chunk loaded on first use; null until it is there. */
const useLazy = <P,>(load: () => Promise<ComponentType<P>>, wanted: boolean): ComponentType<P> | null =>
  useLazyModule(load, wanted);

/**
 * answer: the state read or asked for on the script's first line (entrypoints/popup/main.tsx);
 * arrived: that answer, when it came before the first render.
 */
export function Popup(props: { answer: Promise<Reply<'state/get'>>; arrived?: Reply<'state/get'> }) {
  const [state, setState] = useState<PopupState | null>(props.arrived?.ok ? props.arrived : null);
  const [error, setError] = useState<string | null>(props.arrived?.ok === false ? props.arrived.words : null);
  const [undo, setUndo] = useState<UndoOffer | null>(null);

  const show = (r: Reply<'state/get'>) => {
    if (r.ok) {
      setState(r);
      setError(null);
    } else setError(r.words);
  };
  const load = () => ask({ type: 'state/get' }).then(show);
  useEffect(() => {
    if (!props.arrived) void props.answer.then(show);
    // Each change the background makes (a run read, a setting, midnight) arrives as a new copy.
    return onPopupStateKept((s) => show({ ok: true, ...s }));
  }, []);
  // The strip follows a frame after the verdict's first paint (its 70 elements are most of that
  // frame's rendering and layout): the verdict alone is the first frame.
  const [stripShown, setStripShown] = useState(false);
  useEffect(() => {
    if (!state) return;
    setStripShown(true);
    // For npm run bench:popup: when the first real content was on screen.
    performance.mark('popup-ready');
  }, [state !== null]);
  // Today's check-in: the open question until answered (or while its red-flag questions wait),
  // else one line in the strip's heading. Decided once a day, so it stays open while answered.
  const [checkInOpen, setCheckInOpen] = useState<{ day: string; open: boolean; byRunner?: true } | null>(null);
  useEffect(() => {
    if (state) setCheckInOpen({ day: state.today, open: checkInOpens(state.verdict.checkIn, state.verdict.pain) });
  }, [state?.today]);
  // Loaded from effects that run after the one above, so never in the verdict's first frame.
  const CheckIn = useLazyModule<typeof CheckInChunk>(loadCheckIn, state !== null);
  const CatchUp = useLazy<Parameters<typeof CatchUpType>[0]>(loadCatchUp, state !== null);
  const HipCare = useLazy<Parameters<typeof HipCareType>[0]>(loadHipCare, state !== null);
  const Below = useLazy<PopupBelowProps>(loadBelow, state !== null);
  const Plan = useLazy<Parameters<typeof PlanQuestionsType>[0]>(
    loadPlan,
    state !== null && state.settings.runDaysPerWeek === null,
  );
  const empty = state !== null && state.totalCount === 0 && state.restMarks.length === 0;
  const FirstRun = useLazy<object>(loadFirstRun, empty);
  const Problems = useLazy<Parameters<typeof ProblemNoticeType>[0]>(
    loadProblems,
    state !== null && state.problems.length > 0,
  );

  if (error)
    return (
      <main class="popup">
        <p class="error" role="alert">
          {error}
        </p>
      </main>
    );
  if (!state)
    return (
      <main class="popup" aria-busy="true">
        <p class="muted">{t('loading')}</p>
      </main>
    );

  const units = unitsFor(state.settings);
  // Today's action: in the verdict, or alone in the empty popup (nothing recorded yet).
  const today = (
    <ManualEntry
      today={state.today}
      ranToday={state.runRecordedToday}
      restedToday={state.restMarks.includes(state.today)}
      units={units}
      onChanged={() => void load()}
      undo={undo}
      setUndo={setUndo}
    />
  );
  return (
    <main class="popup" data-testid="popup" data-level={state.verdict.level}>
      {/* The name is in the toolbar button the runner just clicked; every pixel here goes to the verdict. */}
      <h1 class="visually-hidden">{t('extName')}</h1>
      {Problems && state.problems.length > 0 && (
        <Problems problems={state.problems} onDismiss={() => void ask({ type: 'problems/clear' }).then(load)} />
      )}
      {Plan && state.settings.runDaysPerWeek === null && <Plan settings={state.settings} onSaved={() => void load()} />}
      {empty ? (
        <>
          {FirstRun && <FirstRun />}
          {today}
          <CatchUpStale state={state} />
          {CatchUp && <CatchUp state={state} button />}
        </>
      ) : (
        <>
          <VerdictCard verdict={state.verdict} units={units} settings={state.settings}>
            {today}
          </VerdictCard>
          <CatchUpStale state={state} />
          {CheckIn && checkInOpen?.day === state.today && checkInOpen.open && (
            <CheckIn.HipCheckIn
              today={state.today}
              checkIn={state.verdict.checkIn}
              pain={state.verdict.pain}
              moment={state.checkInMoment}
              onChanged={() => void load()}
              onDone={() => setCheckInOpen({ day: state.today, open: false, byRunner: true })}
              focus={checkInOpen.byRunner}
            />
          )}
          {stripShown && (
            <DayStrip today={state.today} days={state.strip}>
              {CheckIn && checkInOpen?.day === state.today && !checkInOpen.open && state.verdict.checkIn && (
                <CheckIn.CheckInLine
                  checkIn={state.verdict.checkIn}
                  place={state.verdict.pain.place}
                  onOpen={() => setCheckInOpen({ day: state.today, open: true, byRunner: true })}
                  focus={checkInOpen.byRunner}
                />
              )}
            </DayStrip>
          )}
          {CatchUp && <CatchUp state={state} />}
          {HipCare && <HipCare hipCare={state.verdict.hipCare} settings={state.settings} today={state.verdict.today} />}
          {Below && <Below state={state} units={units} onChanged={() => void load()} />}
        </>
      )}
      <footer class="popup-foot row">
        <button type="button" class="linklike" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
        {/* One tap to the six-week pain trend, once there is an answer to show in it. */}
        {state.checkIns.length > 0 && (
          <a href="/options.html#pain-trend" target="_blank" data-testid="trend-link">
            {t('trend_open')}
          </a>
        )}
        {!empty && (
          <a href="/welcome.html" target="_blank">
            {t('welcomeOpen')}
          </a>
        )}
      </footer>
    </main>
  );
}
