// Draws the hip exercises as line drawings: public/exercises/<id>.svg, one per exercise.
// Run by hand after changing a pose: node scripts/draw-exercises.mjs
// With --preview <file.png> it also renders all of them, light and dark, at popup size and
// doubled, with the system Chromium, to look at them as a runner would.
//
// Every figure is built from one body (fixed limb lengths, joints placed by two-link
// kinematics) so the proportions match across all drawings and knees and elbows can only bend
// where they bend. The start position is drawn faint, the end position solid, an arrow shows
// the movement, the floor (wall, step) is a faint line. Everything is currentColor: the popup
// paints the file as a mask in the text colour, so it follows light and dark themes.
import { mkdir, writeFile } from 'node:fs/promises';

const W = 128;
const H = 96;
const FLOOR = 90;
/** Centre line of a limb resting on the floor. */
const G = 86.5;
const LEN = { torso: 23, neck: 8, head: 5.5, thigh: 19, shin: 18, foot: 6, upper: 13, fore: 12 };
/** The body's lengths for the drawing under way: lying figures are drawn larger, to fill the frame. */
let L = LEN;
const scaled = (s) => (L = Object.fromEntries(Object.entries(LEN).map(([k, v]) => [k, v * s])));

const rad = (d) => (d * Math.PI) / 180;
const at = (p, deg, len) => [p[0] + len * Math.cos(rad(deg)), p[1] + len * Math.sin(rad(deg))];

/** The middle joint of a two-link limb from root to end; side +1 bends clockwise on screen, -1 anticlockwise. */
function bend(root, end, l1, l2, side) {
  const dx = end[0] - root[0];
  const dy = end[1] - root[1];
  const d = Math.hypot(dx, dy);
  const dir = Math.atan2(dy, dx);
  if (d >= l1 + l2 - 0.01) {
    const deg = (dir * 180) / Math.PI;
    return [at(root, deg, l1), at(root, deg, l1 + l2)];
  }
  const a = Math.acos((l1 * l1 + d * d - l2 * l2) / (2 * l1 * d));
  return [[root[0] + l1 * Math.cos(dir + side * a), root[1] + l1 * Math.sin(dir + side * a)], end];
}

/** A limb given either by its end point and bend side, or by the angles of its two segments. */
function limb(root, spec, l1, l2) {
  if (spec.end) return [root, ...bend(root, spec.end, l1, l2, spec.side ?? 1)];
  const mid = at(root, spec.a1, l1);
  return [root, mid, at(mid, spec.a2, l2)];
}

/**
 * A whole figure. hip: pelvis centre; torso: angle from hip to shoulders; neck: angle from
 * shoulders to the head (defaults to the torso's). For a front view, hipWidth / shoulderWidth
 * spread the limbs' roots; each leg and arm then says which side it hangs from (side -1 or +1).
 */
function figure(p) {
  const shoulder = at(p.hip, p.torso, L.torso);
  const head = at(shoulder, p.neck ?? p.torso, L.neck);
  const across = p.torso + 90;
  const strokes = [{ pts: [p.hip, shoulder] }];
  if (p.hipWidth) strokes.push({ pts: [at(p.hip, across, p.hipWidth / 2), at(p.hip, across, -p.hipWidth / 2)] });
  if (p.shoulderWidth)
    strokes.push({ pts: [at(shoulder, across, p.shoulderWidth / 2), at(shoulder, across, -p.shoulderWidth / 2)] });
  for (const l of p.legs ?? []) {
    const root = at(p.hip, across, ((p.hipWidth ?? 0) / 2) * (l.at ?? 0));
    const pts = limb(root, l, L.thigh, L.shin);
    if (l.foot !== undefined) pts.push(at(pts[2], l.foot, L.foot));
    strokes.push({ pts, far: l.far });
  }
  for (const a of p.arms ?? []) {
    const root = at(shoulder, across, ((p.shoulderWidth ?? 0) / 2) * (a.at ?? 0));
    strokes.push({ pts: limb(root, a, L.upper, L.fore), far: a.far });
  }
  return { strokes, head, joints: { shoulder } };
}

const n = (v) => Math.round(v * 10) / 10;
const poly = (pts) => 'M' + pts.map(([x, y]) => `${n(x)} ${n(y)}`).join('L');

function drawFigure(f) {
  const out = [];
  // Far-side limbs first and lighter, so the near ones read in front of them.
  for (const s of f.strokes.filter((s) => s.far)) out.push(`<path opacity=".5" d="${poly(s.pts)}"/>`);
  out.push(
    `<path d="${f.strokes
      .filter((s) => !s.far)
      .map((s) => poly(s.pts))
      .join('')}"/>`,
  );
  out.push(`<circle cx="${n(f.head[0])}" cy="${n(f.head[1])}" r="${L.head}" fill="currentColor" stroke="none"/>`);
  return out.join('');
}

/** A thin arrow along a path ending at tip, heading in direction deg. */
function arrow(d, tip, deg) {
  const a = at(tip, deg + 150, 6);
  const b = at(tip, deg - 150, 6);
  return `<path stroke-width="2.5" d="${d}M${n(a[0])} ${n(a[1])}L${n(tip[0])} ${n(tip[1])}L${n(b[0])} ${n(b[1])}"/>`;
}
/** A straight arrow from one point to another. */
function straightArrow(from, to) {
  const deg = (Math.atan2(to[1] - from[1], to[0] - from[0]) * 180) / Math.PI;
  return arrow(`M${n(from[0])} ${n(from[1])}L${n(to[0])} ${n(to[1])}`, to, deg);
}
/** A curved arrow from one point to another, bowing through a control point. */
function curvedArrow(from, ctrl, to) {
  const deg = (Math.atan2(to[1] - ctrl[1], to[0] - ctrl[0]) * 180) / Math.PI;
  return arrow(`M${n(from[0])} ${n(from[1])}Q${n(ctrl[0])} ${n(ctrl[1])} ${n(to[0])} ${n(to[1])}`, to, deg);
}

const faintLine = (d) => `<path opacity=".4" stroke-width="2" d="${d}"/>`;
const floor = faintLine(`M3 ${FLOOR}H${W - 3}`);

function svg({ scenery = floor, start, end, arrows = [] }) {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" fill="none" stroke="currentColor" ` +
    `stroke-width="5" stroke-linecap="round" stroke-linejoin="round">` +
    scenery +
    (start ? `<g opacity=".3">${drawFigure(start)}</g>` : '') +
    drawFigure(end) +
    arrows.join('') +
    `</svg>\n`
  );
}

// ---------------------------------------------------------------------------------------------
// The poses. Lying figures have the head on the left; standing side views face right.

/** Lying figures fill the frame's width, so they are drawn larger than standing ones. */
const LYING = 1.4;
const SHOULDER = [22, G];
/** On the back, shoulders and head on the floor, the body raised theta degrees at the hips. */
function supine(theta, legs, arms = [{ a1: 0, a2: 0, far: true }]) {
  return figure({ hip: at(SHOULDER, -theta, L.torso), torso: 180 - theta, neck: 200, legs, arms });
}
const hipOf = (f) => f.strokes[0].pts[0];
const dist = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1]);
const add = (p, dx, dy) => [p[0] + dx, p[1] + dy];

/** The bridge's top: shoulders, hips and knees in a line, the foot where it was. */
function bridgeAngle(foot) {
  let lo = 0;
  let hi = 80;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    const knee = at(SHOULDER, -mid, L.torso + L.thigh);
    if (dist(knee, foot) > L.shin) hi = mid;
    else lo = mid;
  }
  return lo;
}
/** An arrow pointing up, just above the lifted hips. */
const hipsUp = (f) => straightArrow(add(hipOf(f), 0, -7), add(hipOf(f), 0, -25));

function gluteBridge() {
  scaled(LYING);
  const foot = [94, G];
  const feet = { end: foot, side: -1, foot: 0 };
  const start = supine(0, [feet]);
  const end = supine(bridgeAngle(foot), [feet]);
  return svg({ start, end, arrows: [hipsUp(end)] });
}

function singleLegBridge() {
  scaled(LYING);
  const foot = [88, G];
  const standing = { end: foot, side: -1, foot: 0 };
  const start = supine(0, [standing]);
  // The other leg straight, the thighs level.
  const thigh = start.strokes.at(-2).pts;
  const level = (Math.atan2(thigh[1][1] - thigh[0][1], thigh[1][0] - thigh[0][0]) * 180) / Math.PI;
  start.strokes.unshift({ pts: limb(thigh[0], { a1: level, a2: level }, L.thigh, L.shin), far: true });
  const top = bridgeAngle(foot);
  const end = supine(top, [standing, { a1: -top, a2: -top, far: true }]);
  return svg({ start, end, arrows: [hipsUp(end)] });
}

function figureFour() {
  // Right ankle across the left knee: the legs make a 4. Then the left foot lifts and the hands
  // draw the left thigh towards the chest.
  scaled(LYING);
  const start = supine(0, [{ end: [94, G], side: -1, foot: 0 }], []);
  const hip = hipOf(start);
  const end = supine(0, [{ a1: -90, a2: -4 }], []);
  const knee = at(hip, -90, L.thigh);
  // The right knee falls open (outwards, towards us); its shin crosses the left thigh below the knee.
  end.strokes.push({ pts: limb(hip, { end: add(knee, -6, 7), side: 1 }, L.thigh, L.shin) });
  end.strokes.push({ pts: limb(SHOULDER, { end: add(hip, -6, -16), side: -1 }, L.upper, L.fore), far: true });
  return svg({ start, end, arrows: [curvedArrow(add(knee, 32, -4), add(knee, 28, -24), add(knee, 8, -24))] });
}

function kneeToOppositeShoulder() {
  // Knee held with both hands and pulled up and across towards the other shoulder.
  scaled(LYING);
  const straight = { a1: 0, a2: 0, foot: -80 };
  const start = supine(0, [{ a1: -72, a2: 35 }], []);
  const hip = hipOf(start);
  start.strokes.push({ pts: limb(SHOULDER, { end: at(hip, -72, L.thigh), side: -1 }, L.upper, L.fore) });
  const end = supine(0, [straight, { a1: -124, a2: -10 }], []);
  end.strokes.push({ pts: limb(SHOULDER, { end: at(hip, -124, L.thigh), side: -1 }, L.upper, L.fore) });
  return svg({ start, end, arrows: [curvedArrow(add(hip, 16, -40), add(hip, 2, -60), add(hip, -18, -44))] });
}

/** A leg kneeling behind: thigh from the hip to the knee on the floor, shin along the floor behind it. */
const kneelingLeg = (hip, knee) => ({ pts: [hip, knee, [knee[0] - L.shin, G]] });

function kneelingHipFlexor() {
  scaled(1.1);
  // Facing right: right knee down behind, left foot flat in front, both knees at right angles.
  const backKnee = [46, G];
  const pose = (hipX) => {
    const hip = [hipX, G - Math.sqrt(L.thigh ** 2 - (hipX - backKnee[0]) ** 2)];
    const f = figure({
      hip,
      torso: -90,
      legs: [{ end: [hipX + 22, G], side: -1, foot: 0, far: true }],
      arms: [{ end: [hip[0] + 20, hip[1] + 2], side: 1 }],
    });
    f.strokes.push(kneelingLeg(hip, backKnee));
    return f;
  };
  return svg({ start: pose(46), end: pose(54), arrows: [straightArrow([28, 62], [40, 62])] });
}

function lungeTwist() {
  scaled(1.1);
  // Facing right: long lunge, back knee down, left hand on the floor inside the front foot,
  // the chest turning and the right arm reaching up.
  const backKnee = [42, G];
  const hip = at(backKnee, -50, L.thigh);
  const base = { hip, torso: -32, neck: -8, legs: [{ end: [hip[0] + 28, G], side: -1, foot: 0 }] };
  const floorHand = { end: [hip[0] + 24, G - 2], side: 1 };
  const start = figure({ ...base, arms: [floorHand] });
  const end = figure({
    ...base,
    arms: [
      { a1: -96, a2: -94 },
      { ...floorHand, far: true },
    ],
  });
  for (const f of [start, end]) f.strokes.unshift({ ...kneelingLeg(hip, backKnee), far: true });
  const reach = end.joints.shoulder;
  return svg({ start, end, arrows: [curvedArrow(add(reach, 16, 2), add(reach, 22, -22), add(reach, 10, -36))] });
}

function downwardDog() {
  scaled(1.1);
  // Facing left: hands stay put; from hands and knees, the hips go up and back into an upside-down V.
  const hands = [43, G];
  const start = figure({
    hip: [65, G - L.thigh],
    torso: 195,
    neck: 190,
    legs: [{ a1: 90, a2: 0, foot: 0 }],
    arms: [{ end: hands, side: -1 }],
  });
  const reach = L.upper + L.fore + L.torso;
  const hip = at(hands, -47, reach);
  const end = figure({
    hip,
    torso: 133,
    neck: 110,
    legs: [{ end: [hip[0] + 14, G], side: 1, foot: 0 }],
    arms: [{ end: hands, side: -1 }],
  });
  return svg({ start, end, arrows: [curvedArrow([62, 58], [62, 42], [72, 38])] });
}

/** On the left side, seen from the front: the head rests on the lower arm, stretched along the floor. */
function sideLying(hipX, legs) {
  const hip = [hipX, G - 9];
  // The top arm rests along the body, hidden behind it.
  const f = figure({ hip, torso: 180, neck: 192, legs });
  const shoulder = f.joints.shoulder;
  f.strokes.push({ pts: [shoulder, [Math.max(6, shoulder[0] - L.upper - L.fore), G]], far: true });
  return f;
}

function clamshell() {
  // Hips and knees bent, feet together: the top knee opens like a shell.
  scaled(LYING);
  const start = sideLying(62, []);
  const end = sideLying(62, []);
  const hip = hipOf(end);
  const feet = add(hip, 40, 4);
  for (const f of [start, end]) f.strokes.push({ pts: [hip, [hip[0] + 22, G], feet], far: true });
  start.strokes.push({ pts: [hip, add(hip, 23, 2), feet] });
  end.strokes.push({ pts: [hip, add(hip, 14, -27), feet] });
  return svg({ start, end, arrows: [curvedArrow(add(hip, 36, -12), add(hip, 40, -32), add(hip, 26, -38))] });
}

function sideLyingAbduction() {
  // Bottom knee bent for balance; the straight top leg lifts a little above hip height.
  scaled(LYING);
  const start = sideLying(52, [{ a1: 3, a2: 3, foot: -80 }]);
  const end = sideLying(52, [{ a1: -22, a2: -22, foot: -104 }]);
  // The bottom knee bends towards us, so the thigh looks short and the shin lies along the floor.
  const hip = hipOf(end);
  const bottom = { pts: [hip, [hip[0] + 14, G], [hip[0] + 14 + L.shin, G]], far: true };
  start.strokes.push(bottom);
  end.strokes.push(bottom);
  return svg({ start, end, arrows: [curvedArrow(add(hip, 62, -4), add(hip, 70, -22), add(hip, 60, -36))] });
}

/** Standing, seen from the front. */
const front = (hip, legs, arms) =>
  figure({
    hip,
    torso: -90,
    hipWidth: 10,
    shoulderWidth: 16,
    legs,
    arms: arms ?? [
      { at: -1, a1: 98, a2: 94 },
      { at: 1, a1: 82, a2: 86 },
    ],
  });

function lateralStepUp() {
  // A little smaller, so the figure standing on the step still fits.
  scaled(0.92);
  // A step on the right: up onto it on the right leg, the left foot lifted off the floor beside it.
  const step = faintLine(`M3 ${FLOOR}H70V72H${W - 3}`);
  const onStep = [80, 68.5];
  const start = front(
    [62, 52],
    [
      { at: -1, end: [50, G], side: 1 },
      { at: 1, end: onStep, side: -1 },
    ],
  );
  const endHip = [onStep[0] - 5, onStep[1] - L.thigh - L.shin + 0.5];
  const end = front(endHip, [{ at: 1, end: onStep, side: -1 }]);
  // The other foot hangs free beside the step, the knee a little bent (towards us, so shorter).
  const root = [endHip[0] - 5, endHip[1]];
  end.strokes.push({ pts: [root, add(root, -1, L.thigh - 2), add(root, -3, L.thigh + L.shin - 5)] });
  return svg({ scenery: step, start, end, arrows: [straightArrow([36, 62], [36, 40])] });
}

function bandSideSteps() {
  scaled(1);
  // Quarter squat, a band above the knees; one foot steps out sideways.
  const hip = [54, 56];
  const handsOnHips = [
    { at: -1, end: [49, hip[1]], side: 1 },
    { at: 1, end: [59, hip[1]], side: -1 },
  ];
  const pose = (rightFoot) =>
    front(
      hip,
      [
        { at: -1, end: [42, G], side: 1 },
        { at: 1, end: rightFoot, side: -1 },
      ],
      handsOnHips,
    );
  const start = pose([66, G]);
  const end = pose([78, G]);
  const legs = end.strokes.filter((s) => s.pts.length === 3 && s.pts[0][1] === hip[1]);
  const onThigh = (leg) => [leg[0][0] + (leg[1][0] - leg[0][0]) * 0.8, leg[0][1] + (leg[1][1] - leg[0][1]) * 0.8];
  const [a, b] = [onThigh(legs[0].pts), onThigh(legs[1].pts)];
  const band = `<path stroke-width="3" d="M${n(a[0])} ${n(a[1])}L${n(b[0])} ${n(b[1])}"/>`;
  return svg({ start, end, arrows: [band, straightArrow([90, 76], [110, 76])] });
}

function hipCircles() {
  scaled(1);
  // Beside a wall on the left, one hand on it; the outer knee lifts and circles up and out.
  const wall = faintLine(`M3 ${FLOOR}H${W - 3}M24 ${FLOOR}V8`);
  const hip = [50, 50];
  const arms = [
    { at: -1, end: [26, 40], side: 1 },
    { at: 1, a1: 82, a2: 86 },
  ];
  const standing = { at: -1, end: [45, G], side: 1 };
  const start = front(hip, [standing], arms);
  // Knee lifted in front: the thigh points at the viewer, so it looks short.
  start.strokes.push({
    pts: [
      [55, 50],
      [58, 55],
      [58, 73],
    ],
  });
  const end = front(hip, [standing, { at: 1, a1: -6, a2: 88 }], arms);
  return svg({ scenery: wall, start, end, arrows: [arrow('M63.7 50.8A11 11 0 1 1 82.4 54.1', [82.4, 54.1], 130)] });
}

function standingIsometricAbduction() {
  scaled(1);
  // Side-on to a wall on the left, seen from the front: the leg nearer the wall, knee bent and
  // foot off the floor, presses its knee outwards against the wall and holds.
  const wallX = 36;
  const wall = faintLine(`M3 ${FLOOR}H${W - 3}M${wallX} ${FLOOR}V8`);
  const hip = [58, 50];
  const handsOnHips = [
    { at: -1, end: [53, hip[1]], side: 1 },
    { at: 1, end: [63, hip[1]], side: -1 },
  ];
  const standing = { at: 1, end: [65, G], side: -1 };
  const root = [hip[0] - 5, hip[1]];
  // The thigh from the hip to a knee at x, the shin hanging from it with the foot lifted.
  const pose = (kneeX) => {
    const f = front(hip, [standing], handsOnHips);
    const knee = [kneeX, root[1] + Math.sqrt(L.thigh ** 2 - (root[0] - kneeX) ** 2)];
    const thighDeg = (Math.atan2(knee[1] - root[1], knee[0] - root[0]) * 180) / Math.PI;
    f.strokes.push({ pts: limb(root, { a1: thighDeg, a2: 86 }, L.thigh, L.shin) });
    return f;
  };
  // At the end the knee's stroke (5 wide) touches the wall line.
  const start = pose(45);
  const end = pose(wallX + 3.5);
  // Between the legs, the push: the knee goes out towards the wall.
  return svg({ scenery: wall, start, end, arrows: [straightArrow([59, 74], [49, 74])] });
}

const DRAWINGS = {
  figure_four: figureFour,
  kneeling_hip_flexor: kneelingHipFlexor,
  hip_circles: hipCircles,
  knee_to_opposite_shoulder: kneeToOppositeShoulder,
  lunge_twist: lungeTwist,
  downward_dog: downwardDog,
  glute_bridge: gluteBridge,
  clamshell,
  lateral_step_up: lateralStepUp,
  side_lying_abduction: sideLyingAbduction,
  single_leg_bridge: singleLegBridge,
  band_side_steps: bandSideSteps,
  standing_isometric_abduction: standingIsometricAbduction,
};

const outDir = new URL('../public/exercises/', import.meta.url);
await mkdir(outDir, { recursive: true });
const files = {};
for (const [id, draw] of Object.entries(DRAWINGS)) {
  files[id] = draw();
  await writeFile(new URL(`${id}.svg`, outDir), files[id]);
}

const previewAt = process.argv.indexOf('--preview');
if (previewAt > 0) {
  const { chromium } = await import('@playwright/test');
  const cell = (id, scale) =>
    `<figure><span style="width:${W * scale}px;height:${H * scale}px;mask:url('data:image/svg+xml,${encodeURIComponent(files[id])}') center/contain no-repeat"></span><figcaption>${id}</figcaption></figure>`;
  const grid = (scale) =>
    `<div class="g">${Object.keys(files)
      .filter((id) => scale === 1 || !process.env.ONLY || process.env.ONLY.split(',').includes(id))
      .map((id) => cell(id, scale))
      .join('')}</div>`;
  const html = `<style>body{margin:0;font:12px sans-serif}section{padding:8px}.g{display:flex;flex-wrap:wrap;gap:6px}
figure{margin:0}span{display:block;background:currentColor;border:1px solid #8884}
.light{background:#fff;color:#1b1b1b}.dark{background:#1e1e22;color:#e8e8ea}</style>
<section class="light">${grid(1)}${grid(process.env.ONLY ? 4 : 2)}</section><section class="dark">${grid(1)}</section>`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage({ viewport: { width: 1100, height: 400 } });
  await page.setContent(html);
  await page.screenshot({ path: process.argv[previewAt + 1], fullPage: true });
  await browser.close();
}
