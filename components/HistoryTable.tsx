import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { SPORTS, type Activity, type Sport } from '../core/activity';
import { LIMITS } from '../core/plausibility';
import { parseClock } from '../core/text-numbers';
import { formatDateInYear, formatDistance, formatDuration, M_PER_MILE } from './format';
import { t } from './i18n';
import { ask } from '../messaging/ask';

const PAGE = 50;
// What focus goes to in a row: its Edit or Delete button, or the edit's first field.
type RowAction = 'edit' | 'delete' | 'sport';
const THIS_YEAR = String(new Date().getFullYear());
// Dates in the history carry their year unless it is this year ("Sat, Oct 11, 2014").
const formatDate = (d: string) => formatDateInYear(d, THIS_YEAR);

/** The stored history, newest first, 50 rows a page; each row can be corrected or deleted. */
export function HistoryTable(props: { units: 'km' | 'mi'; version: number; onChanged: () => void }) {
  const [rows, setRows] = useState<Activity[]>([]);
  const [total, setTotal] = useState(0);
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The last deletion, undoable for a while (background/deletion-undo.ts).
  const [undo, setUndo] = useState<{ token: string; key: string; date: string } | null>(null);
  const [undoGone, setUndoGone] = useState(false);
  const undoButton = useRef<HTMLButtonElement>(null);
  // Where focus goes once the row shows it: into an edit opened, back to the row's button when
  // an edit or a kept run closes, or after Undo once the run is listed again. Never left on the
  // page, never on a button that took another's place. Moved as the DOM changes (layout
  // effects), so a key pressed right after lands where focus went.
  const refocus = useRef<{ key: string; action: RowAction } | null>(null);

  const load = async () => {
    const r = await ask({ type: 'activities/list', offset, limit: PAGE });
    if (r.ok) {
      setRows(r.activities);
      setTotal(r.total);
    } else setError(r.words);
  };
  useEffect(() => {
    void load();
  }, [offset, props.version]);
  useLayoutEffect(() => {
    const to = refocus.current;
    const target = to
      ? document.querySelector<HTMLElement>(`tr[data-key="${CSS.escape(to.key)}"] [data-action="${to.action}"]`)
      : null;
    if (target) {
      refocus.current = null;
      target.focus();
    }
  });
  useLayoutEffect(() => undoButton.current?.focus(), [undo]);
  // Asked "Delete?", focus waits on the safe answer.
  const keepButton = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => keepButton.current?.focus(), [confirming]);
  const closeRow = (key: string, action: RowAction) => {
    refocus.current = { key, action };
    setEditing(null);
    setConfirming(null);
  };

  const remove = async (a: Activity) => {
    setConfirming(null);
    const r = await ask({ type: 'activities/delete', keys: [a.key] });
    if (!r.ok) return setError(r.words);
    setError(null);
    setUndoGone(false);
    setUndo(r.undo ? { token: r.undo, key: a.key, date: a.localDate } : null);
    props.onChanged();
  };

  const takeBack = async () => {
    if (!undo) return;
    const r = await ask({ type: 'activities/undelete', undo: undo.token });
    if (!r.ok) return setError(r.words);
    setUndo(null);
    if (r.restored === 0) return setUndoGone(true);
    refocus.current = { key: undo.key, action: 'edit' };
    props.onChanged();
  };

  // At the first or last page the pressed pager button goes disabled: focus goes to the other one.
  const newerButton = useRef<HTMLButtonElement>(null);
  const olderButton = useRef<HTMLButtonElement>(null);
  const paged = useRef<'newer' | 'older' | null>(null);
  useLayoutEffect(() => {
    const [pressed, other] = paged.current === 'older' ? [olderButton, newerButton] : [newerButton, olderButton];
    if (paged.current && pressed.current?.disabled) other.current?.focus();
    paged.current = null;
  }, [offset]);
  const turn = (to: 'newer' | 'older') => {
    paged.current = to;
    setOffset(to === 'older' ? offset + PAGE : Math.max(0, offset - PAGE));
  };

  const pages = Math.max(1, Math.ceil(total / PAGE));
  const pageNo = Math.floor(offset / PAGE) + 1;
  return (
    <section class="card" aria-labelledby="history-h">
      <h2 id="history-h">{t('historyTitle')}</h2>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {undo && (
        <p class="row undo-delete" role="status" data-testid="deleted">
          <span>{t('deletedActivity', formatDate(undo.date))}</span>{' '}
          <button type="button" ref={undoButton} data-testid="undo-delete" onClick={() => void takeBack()}>
            {t('undo')}
          </button>
        </p>
      )}
      {undoGone && (
        <p class="muted" role="status">
          {t('undoDeleteGone')}
        </p>
      )}
      {total === 0 ? (
        <p class="muted">{t('historyEmpty')}</p>
      ) : (
        <>
          <table data-testid="history">
            <caption class="visually-hidden">{t('historyTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colDate')}</th>
                <th scope="col">{t('colActivity')}</th>
                <th scope="col" class="num">
                  {t('colDistance')}
                </th>
                <th scope="col" class="num">
                  {t('colTime')}
                </th>
                <th scope="col">{t('colSource')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('colActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) =>
                editing === a.key ? (
                  <EditRow
                    key={a.key}
                    activity={a}
                    units={props.units}
                    onDone={(changed) => {
                      closeRow(a.key, 'edit');
                      if (changed) props.onChanged();
                    }}
                    onError={setError}
                  />
                ) : (
                  <tr key={a.key} data-key={a.key}>
                    <td>{formatDate(a.localDate)}</td>
                    <td title={a.sportLabel}>
                      {a.name && <span class="activity-name">{a.name}</span>}
                      {a.name && <br />}
                      <span class={a.name ? 'muted' : ''}>{t(`sport_${a.sport}`)}</span>
                    </td>
                    <td class="num">{formatDistance(a.distanceM, props.units)}</td>
                    <td class="num">{formatDuration(a.movingS ?? a.elapsedS)}</td>
                    <td>
                      {a.sources.map((s) => t(`source_${s.source}`)).join(', ')}
                      {a.edited ? ` (${t('editedMark')})` : ''}
                    </td>
                    {confirming === a.key ? (
                      // Keyed apart from the buttons' cell: its Delete button must not become "Yes, delete" under focus.
                      <td
                        class="actions"
                        key="confirm"
                        onKeyDown={(e) => {
                          if (e.key === 'Escape') closeRow(a.key, 'delete');
                        }}
                      >
                        <span>{t('deleteAsk', formatDate(a.localDate))}</span>{' '}
                        <button type="button" class="danger" data-testid="delete-yes" onClick={() => void remove(a)}>
                          {t('deleteYes')}
                        </button>{' '}
                        <button type="button" ref={keepButton} onClick={() => closeRow(a.key, 'delete')}>
                          {t('deleteKeep')}
                        </button>
                      </td>
                    ) : (
                      <td class="actions" key="buttons">
                        <button
                          type="button"
                          data-action="edit"
                          onClick={() => {
                            refocus.current = { key: a.key, action: 'sport' };
                            setEditing(a.key);
                          }}
                          aria-label={t('editActivity', formatDate(a.localDate))}
                        >
                          {t('edit')}
                        </button>{' '}
                        <button
                          type="button"
                          data-action="delete"
                          onClick={() => setConfirming(a.key)}
                          aria-label={t('deleteActivity', formatDate(a.localDate))}
                        >
                          {t('delete')}
                        </button>
                      </td>
                    )}
                  </tr>
                ),
              )}
            </tbody>
          </table>
          <nav class="row pager" aria-label={t('historyPages')}>
            <button type="button" ref={newerButton} disabled={offset === 0} onClick={() => turn('newer')}>
              {t('newer')}
            </button>
            <span>{t('pageOf', [String(pageNo), String(pages)])}</span>
            <button type="button" ref={olderButton} disabled={offset + PAGE >= total} onClick={() => turn('older')}>
              {t('older')}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}

function EditRow(props: {
  activity: Activity;
  units: 'km' | 'mi';
  onDone: (changed: boolean) => void;
  onError: (e: string) => void;
}) {
  const a = props.activity;
  const factor = props.units === 'mi' ? M_PER_MILE : 1000;
  const [sport, setSport] = useState<Sport>(a.sport);
  const [distance, setDistance] = useState(
    a.distanceM === null ? '' : String(Math.round((a.distanceM / factor) * 100) / 100),
  );
  const [time, setTime] = useState(a.movingS === null ? '' : formatDuration(a.movingS));
  const [problem, setProblem] = useState<string | null>(null);
  // Which box the refusal is about: the typed value stays in it, marked invalid.
  const [bad, setBad] = useState<'distance' | 'time' | null>(null);
  const refuse = (box: 'distance' | 'time' | null, message: string) => {
    setBad(box);
    setProblem(message);
  };

  const save = async () => {
    const d = distance.trim() === '' ? null : Number(distance.replace(',', '.'));
    if (d !== null && !Number.isFinite(d)) return refuse('distance', t('badDistance'));
    if (d !== null && d < 0) return refuse('distance', t('badDistanceNegative'));
    // The store's own limits, said as a runner would (its refusal names fields in metres).
    if (d !== null && d * factor > LIMITS.maxDistanceM)
      return refuse('distance', t('badDistanceTooLong', formatDistance(LIMITS.maxDistanceM, props.units)));
    const s = time.trim() === '' ? null : parseClock(time);
    if (time.trim() !== '' && s === null) return refuse('time', t('badTime'));
    if (s !== null && s > LIMITS.maxDurationS) return refuse('time', t('badTimeTooLong'));
    const r = await ask({
      type: 'activities/update',
      key: a.key,
      patch: { sport, distanceM: d === null ? null : Math.round(d * factor * 10) / 10, movingS: s },
    });
    if (!r.ok) return refuse(null, r.words);
    props.onDone(true);
  };

  return (
    <tr
      data-key={a.key}
      class="editing"
      // Escape cancels, as Cancel does (focus back on the row's Edit).
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onDone(false);
      }}
    >
      <td>{formatDate(a.localDate)}</td>
      <td>
        <select
          data-action="sport"
          aria-label={t('colSport')}
          value={sport}
          onChange={(e) => setSport((e.target as HTMLSelectElement).value as Sport)}
        >
          {SPORTS.map((sp) => (
            <option key={sp} value={sp}>
              {t(`sport_${sp}`)}
            </option>
          ))}
        </select>
      </td>
      <td class="num">
        <input
          aria-label={`${t('colDistance')} (${props.units})`}
          inputMode="decimal"
          size={6}
          value={distance}
          aria-invalid={bad === 'distance' ? 'true' : undefined}
          onInput={(e) => setDistance((e.target as HTMLInputElement).value)}
        />
      </td>
      <td class="num">
        <input
          aria-label={t('colTimeHint')}
          size={7}
          value={time}
          aria-invalid={bad === 'time' ? 'true' : undefined}
          onInput={(e) => setTime((e.target as HTMLInputElement).value)}
        />
      </td>
      <td colSpan={2} class="actions">
        <button type="button" onClick={() => void save()}>
          {t('save')}
        </button>{' '}
        <button type="button" onClick={() => props.onDone(false)}>
          {t('cancel')}
        </button>
        {problem && (
          <p class="error" role="alert">
            {problem}
          </p>
        )}
      </td>
    </tr>
  );
}
