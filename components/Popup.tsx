import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { onPopupStateKept } from '../messaging/popup-state-copy';
import type { PopupState } from '../core/protocol';
import { checkInOpens } from './checkin-opens';
import type { DayStrip as DayStripType } from './DayStrip';
import { unitsFor } from './format';
import { t } from './i18n';
import { ManualEntry, type UndoOffer } from './ManualEntry';
import { ask, type Reply } from '../messaging/ask';
import { VerdictCard } from './VerdictCard';
import { CatchUpStale } from './CatchUpStale';
import type { CatchUp as CatchUpType } from './CatchUp';
import type { HipCare as HipCareType } from './HipCare';
import { clinicianReferred } from './clinician-referred';
import type { HipClinician as HipClinicianType } from './HipClinician';
import type * as CheckInChunk from './HipCheckIn';
import type * as BelowModule from './PopupBelow';
import type * as FirstRunModule from './FirstRun';
import type { PlanQuestions as PlanQuestionsType } from './PlanQuestions';
import type { ProblemNotice as ProblemNoticeType } from './ProblemNotice';
import './popup.css';

// The popup is 360×600 at most (Chrome's cap is 800×600). Above the fold: the verdict and its
// reasons, today's action, the hip check-in (the day's question until answered, then one line),
// the 14-day strip, the last run read and today's first hip exercise. The verdict, today's action
// and the stale note paint first, alone (issue #12 wants the popup within 30 ms of a blank page);
// everything else is a chunk asked for once that paint is done, each drawn in order below it
// (ORDER), so the popup's own JavaScript stays within its 15 KB gzip budget
// (scripts/popup-size.mjs) and nothing on screen moves as parts arrive.

const loadCheckIn = () => import('./HipCheckIn');
const loadStrip = () => import('./DayStrip').then((m) => m.DayStrip);
const loadCatchUp = () => import('./CatchUp').then((m) => m.CatchUp);
const loadHipCare = () => import('./HipCare').then((m) => m.HipCare);
const loadBelow = () => import('./PopupBelow');
const loadPlan = () => import('./PlanQuestions').then((m) => m.PlanQuestions);
const loadProblems = () => import('./ProblemNotice').then((m) => m.ProblemNotice);
const loadFirstRun = () => import('./FirstRun');
const loadClinician = () => import('./HipClinician').then((m) => m.HipClinician);

type PopupPart =
  'verdict' | 'problems' | 'plan' | 'checkIn' | 'strip' | 'catchUp' | 'hipCare' | 'below' | 'firstRun' | 'foot';
/** The popup's parts from the top; the empty popup's (nothing recorded yet) below. */
const ORDER: readonly PopupPart[] = [
  'verdict',
  'problems',
  'plan',
  'checkIn',
  'strip',
  'catchUp',
  'hipCare',
  'below',
  'foot',
];
// Today's action and the stale note come with the first-run card.
const EMPTY_ORDER: readonly PopupPart[] = ['problems', 'plan', 'firstRun', 'catchUp', 'foot'];

/** How many parts, from the top, can be drawn: those up to the first one still loading. */
export function shownParts(ready: readonly boolean[]): number {
  const i = ready.indexOf(false);
  return i < 0 ? ready.length : i;
}

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
  // Today's check-in: the open question until answered (or while its red-flag questions wait),
  // else one line in the strip's heading. Decided once a day, so it stays open while answered.
  const [checkInOpen, setCheckInOpen] = useState<{ day: string; open: boolean; byRunner?: true } | null>(null);
  useEffect(() => {
    if (state) setCheckInOpen({ day: state.today, open: checkInOpens(state.verdict.checkIn, state.verdict.pain) });
  }, [state?.today]);
  const empty = state !== null && state.totalCount === 0 && state.restMarks.length === 0;
  const wantProblems = state !== null && state.problems.length > 0;
  const wantPlan = state !== null && state.settings.runDaysPerWeek === null;
  const referred = state !== null && clinicianReferred(state.verdict.hipCare);
  // Chunks, asked for once the first render is done (effects run after it), so never in the
  // verdict's first frame.
  const Problems = useLazy<Parameters<typeof ProblemNoticeType>[0]>(loadProblems, wantProblems);
  const Plan = useLazy<Parameters<typeof PlanQuestionsType>[0]>(loadPlan, wantPlan);
  const CheckIn = useLazyModule<typeof CheckInChunk>(loadCheckIn, state !== null && !empty);
  const DayStrip = useLazy<Parameters<typeof DayStripType>[0]>(loadStrip, state !== null && !empty);
  const CatchUp = useLazy<Parameters<typeof CatchUpType>[0]>(loadCatchUp, state !== null);
  const HipCare = useLazy<Parameters<typeof HipCareType>[0]>(loadHipCare, state !== null && !empty);
  const Clinician = useLazy<Parameters<typeof HipClinicianType>[0]>(loadClinician, referred);
  const BelowChunk = useLazyModule<typeof BelowModule>(loadBelow, state !== null && !empty);
  const FirstRunChunk = useLazyModule<typeof FirstRunModule>(loadFirstRun, empty);
  const Below = BelowChunk?.PopupBelow;
  const FirstRun = FirstRunChunk?.FirstRun;
  const Foot = (empty ? FirstRunChunk : BelowChunk)?.PopupFoot;

  // Parts appear top to bottom, each once every part above it is there: a chunk that arrives late
  // is added below what is on screen and never moves it (layout shift 0, issue #23). So the
  // verdict, with today's action and the stale note, is first and paints alone; the notices of
  // pages not read and the plan questions, chunks shown only sometimes, come under it. The empty
  // popup starts with the first-run card.
  const ready: Record<PopupPart, boolean> = {
    verdict: true,
    problems: !wantProblems || !!Problems,
    plan: !wantPlan || !!Plan,
    checkIn: !!CheckIn, // the open question, or its line in the strip's heading
    strip: !!DayStrip,
    catchUp: !!CatchUp,
    hipCare: !!HipCare && (!referred || !!Clinician),
    below: !!Below,
    firstRun: !!FirstRun,
    foot: !!Foot,
  };
  const order = empty ? EMPTY_ORDER : ORDER;
  const shown = state ? order.slice(0, shownParts(order.map((p) => ready[p]))) : [];
  const shows = (p: PopupPart) => shown.includes(p);
  const firstShown = shows(empty ? 'firstRun' : 'verdict');
  useEffect(() => {
    // For npm run bench:popup: when the first real content was on screen, and all of it.
    if (firstShown) performance.mark('popup-ready');
  }, [firstShown]);
  const complete = shown.length === order.length;
  useEffect(() => {
    if (complete) performance.mark('popup-parts');
  }, [complete]);

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
    <main class={empty ? 'popup' : 'popup popup-full'} data-testid="popup" data-level={state.verdict.level}>
      {/* The name is in the toolbar button the runner just clicked; every pixel here goes to the verdict. */}
      <h1 class="visually-hidden">{t('extName')}</h1>
      {/* In the order of ORDER and EMPTY_ORDER. */}
      {shows('verdict') && (
        <>
          <VerdictCard verdict={state.verdict} units={units} settings={state.settings}>
            {today}
          </VerdictCard>
          <CatchUpStale state={state} />
        </>
      )}
      {shows('problems') && Problems && wantProblems && (
        <Problems problems={state.problems} onDismiss={() => void ask({ type: 'problems/clear' }).then(load)} />
      )}
      {shows('plan') && Plan && wantPlan && <Plan settings={state.settings} onSaved={() => void load()} />}
      {shows('firstRun') && FirstRun && (
        <>
          <FirstRun />
          {today}
          <CatchUpStale state={state} />
        </>
      )}
      {shows('checkIn') && CheckIn && checkInOpen?.day === state.today && checkInOpen.open && (
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
      {shows('strip') && DayStrip && (
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
      {shows('catchUp') && CatchUp && <CatchUp state={state} button={empty || undefined} />}
      {shows('hipCare') && HipCare && (
        <HipCare
          hipCare={state.verdict.hipCare}
          settings={state.settings}
          today={state.verdict.today}
          Clinician={Clinician}
        />
      )}
      {shows('below') && Below && <Below state={state} units={units} onChanged={() => void load()} />}
      {shows('foot') && Foot && <Foot trend={state.checkIns.length > 0} howTo={!empty} />}
    </main>
  );
}
